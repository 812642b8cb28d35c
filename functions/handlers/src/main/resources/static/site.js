// Light enhancement only: every page works without this file.
(function () {
  "use strict";
  // Quick exit: replace this page so the back button does not return to it.
  var exit = document.getElementById("quick-exit");
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      document.body.hidden = true;
      window.location.replace(exit.href);
    });
  }
})();
