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
  // "Use my location": shown only where the browser can locate; fills "near" with lat,lon, which
  // the search accepts as typed. Two decimals (about 1 km) is enough to find what is nearby.
  var locate = document.getElementById("use-location");
  var near = document.getElementById("near");
  if (locate && near && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        near.value = position.coords.latitude.toFixed(2) + "," + position.coords.longitude.toFixed(2);
        near.focus();
      });
    });
  }
  // Print button on the shortlist: the browser's own print works without it.
  var print = document.getElementById("print-sheet");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
  }
})();
