package org.signpost.core.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Patterns over {@link CrisisText normalised text}, one family per screening category: wish to be
 * dead, suicidal thoughts, method and plan, self-harm, perceived burden, hopelessness and
 * entrapment, abuse or immediate danger. Each pattern is a concept (a death-wish verb with a
 * self-reference, a method with an intent), not a sentence. Immutable; thread-safe.
 */
final class DistressRules {

  private static final Map<String, String> PARTS =
      Map.ofEntries(
          Map.entry("{REFL}", "(?:myself|himself|herself|themselves|themself|ourselves)"),
          Map.entry("{POSS}", "(?:my|his|her|their|our)"),
          Map.entry("{G1}", "(?:\\w+ )?"),
          Map.entry("{G2}", "(?:\\w+ ){0,2}"),
          Map.entry("{G3}", "(?:\\w+ ){0,3}"),
          Map.entry("{G4}", "(?:\\w+ ){0,4}"),
          Map.entry("{END}", "(?=$| \\|)"),
          Map.entry("{ANYMORE}", "(?:anymore|nolonger|for much longer|for long)"),
          Map.entry(
              "{WANT}",
              "(?:want|wants|wanted|wanting|need|needs|wish|wishes|wished|wishing|going|planning"
                  + "|plan|plans|planned|tempted|ready|trying|tried|try|decided|deciding|urge|urges"
                  + "|about|will|would|hope|hoping|prefer|rather|thinking|thought|thoughts|think"
                  + "|considering|considered)"),
          Map.entry(
              "{PARTY}",
              "(?:he|she|they|partner|husband|wife|boyfriend|girlfriend|ex|dad|father|mum|mother"
                  + "|stepdad|stepfather|stepmum|stepmother|brother|sister|son|daughter|uncle"
                  + "|aunt|carer|someone|man|neighbour|landlord|fiance|fiancee|him|them)"),
          Map.entry(
              "{WISH}",
              "(?:want|wants|wanted|wanting|wish|wishes|wished|wishing|ready|tempted|deserve"
                  + "|deserves|hope|hoping|pray|praying|prefer|rather|longing|long|urge|urges"
                  + "|thoughts|thinking|think|plan|planning|trying|tried|decided|need|needs)"),
          Map.entry(
              "{VICTIM}", "(?:me|us|my|our|the kids|the children|the baby|the kid|mummy|mum)"),
          Map.entry(
              "{PILLS}",
              "(?:pills?|tablets?|meds|medication|medicine|paracetamol|painkillers?|insulin"
                  + "|antidepressants|sleeping pills|co codamol|codeine|aspirin)"));

  // Words that show a topic is being studied, taught, organised or watched, not lived.
  private static final String PROFESSIONAL =
      "prevention|preventing|prevent|awareness|aware|training|trainings|train|trained|trainer"
          + "|trainers|course|courses|workshop|workshops|webinar|seminar|conference|lecture"
          + "|module|volunteer|volunteers|volunteering|research|researcher|statistics|stats"
          + "|rates|policy|policies|strategy|campaign|alliance|safeguarding|professional"
          + "|professionals|practitioner|practitioners|staff|naloxone|aid|toolkit|guidance"
          + "|guidelines|qualification|accredited|intervention|skills|teachers|squad|film|movie"
          + "|documentary|book|books|novel|history|historical|essay|scene|song|lyrics|doors"
          + "|bomber|bombers|bombing|podcast|museum|game|gaming|law|legal|act|debate|talk|charity";

  private static final String SPORT_OR_ACCIDENT =
      "gym|accident|accidentally|accidently|fell|fall|falling|tripped|slipped|cooking|shaving"
          + "|ironing|lifting|running|football|rugby|workout|exercise|sport|sports|match|oven"
          + "|kettle|stove|sunburn|sun|playing|garden|gardening|diy|work";

  private static final List<DistressRule> RULES =
      List.of(
          // Topic words, used by people in distress and by services alike.
          topic("\\b(?:suicide|suicides|suicidal|suicidality)\\b")
              .unless(PROFESSIONAL)
              .unlessBereaved(),
          topic("\\b(?:selfharm\\w*|self harm\\w*|myself harm\\w*|self injur\\w*)\\b")
              .unless(PROFESSIONAL),
          topic("\\b(?:overdose|overdosed|overdosing|overdoses)\\b").unless(PROFESSIONAL),
          topic("\\bnoose\\b").unless(PROFESSIONAL + "|knot|knots|sailing"),
          topic(
                  "\\b(?:domestic (?:violence|abuse)|abusive (?:relationship|partner|husband|wife"
                      + "|boyfriend|girlfriend|marriage|home|parents?|dad|mum|father|mother|ex))\\b")
              .unless(PROFESSIONAL),

          // Wish to be dead, passive and active thoughts.
          rule("\\b(?:kill|killing|kills|killed) {REFL}\\b")
              .unless("laughing|laugh|game|minecraft|fortnite|level|respawn|joke|joking")
              .negatable(),
          rule("\\b(?:end|ending|ends|take|taking|takes) {POSS} (?:own )?(?:life|lives)\\b")
              .negatable(),
          rule("\\b(?:i|he|she|they|we) (?:ended|took) (?:my|our) (?:own )?life\\b"),
          rule("\\b(?:end|ending) it all\\b").negatable(),
          rule("\\b{WANT} (?:to |about |of )?(?:end|ending) (?:it|things|everything)\\b(?! (?:with|between)\\b)")
              .negatable(),
          rule("\\b{WISH} (?:to |i |i could |i would |that i |he would |she would |about |of )?"
                  + "(?:die|dying)\\b"
                  + "(?! (?:for|hard|cast|laughing|of (?:boredom|embarrassment|shame|laughter))\\b)")
              .negatable(),
          rule("\\b{WISH} (?:to )?be dead\\b").negatable(),
          rule(
              "\\b(?:wish|wishes|wishing|wished) (?:i|he|she) (?:was|were|would be|could be) dead\\b"),
          rule(
              "\\b(?:wish|wishes|wishing|wished|hope|hoping|pray) (?:i|he|she|that i) "
                  + "(?:was|were|had|would|could|did|didnt|dont|wasnt|werent|never|get|got) "
                  + "{G2}(?:never been born|never born|not born|born|alive|exist|here|around"
                  + "|disappear|wake up|woke up|hit by|run over|killed|die|dead)\\b"),
          rule(
              "\\b(?:rather|happier|easier|better off|better) (?:be |being |if i was |if i were "
                  + "|if i )?dead\\b"),
          rule(
              "\\b(?:dont|nolonger|never|not sure i|cant be bothered to|dont even) {G2}"
                  + "(?:want|wants|wanna|feel like|wish) (?:to )?(?:be alive|live|living|exist"
                  + "|existing|be here|wake up|carry on|go on|keep going|be around|stay alive)\\b"
                  + "(?! (?:with|in|at|near|on|there|alone|abroad|together|by|for|like"
                  + " that|here with)\\b)"),
          rule("\\brather not (?:exist|be alive|be here|live|wake up)\\b"),
          rule(
              "\\b(?:tired|sick|done|exhausted|fed up|weary) (?:of |with |from )?(?:living"
                  + "|being alive|life|existing|being here|it all)\\b"
                  + "(?! (?:in|with|at|on|near|by|alone|abroad|out|admin|insurance|coach)\\b)"),
          rule("\\bcant be bothered (?:with )?(?:life|living|being alive|existing)\\b"),
          rule(
              "\\b(?:no|what is the|what is even the|dont see the|cant see the|see no|lost the)"
                  + " point (?:in |of )?(?:living|life|being alive|going on|carrying on|anything"
                  + "|trying|existing|it all|any of it|me being here|waking up)\\b"
                  + "(?! (?:the|a|with|to|at|insurance)\\b)"),
          rule(
              "\\b(?:life|living|my life|it) (?:is |isnt |aint |is not )?(?:not |nolonger )"
                  + "worth (?:living|it|being alive)\\b"),
          rule("\\b(?:life|living) isnt worth (?:living|it)\\b"),
          rule("\\bnot worth (?:living|being alive)\\b"),
          rule("\\bnothing (?:left )?to live for\\b"),
          rule(
              "\\b(?:no|dont see a|dont see any|cant see a|cant see any|cant find a|cant find"
                  + " any|see no|without a|without any|lost my|lost all) (?:good )?reasons? (?:left )?"
                  + "to (?:live|carry on|go on|keep going|stay alive|be alive|be here|keep living"
                  + "|stay)\\b"),
          rule(
              "\\b(?:want|wants|wish|need|needs) (?:it|it all|everything|all of it|all this|this"
                  + "|life|the pain|this pain|my life) to (?:end|stop|be over|go away)"
                  + "(?:{END}| forever| for good| permanently| already| once and for all)"),
          rule(
              "\\b(?:want|wants|wish) to (?:disappear|vanish|sleep) (?:forever|for good|and never"
                  + " (?:come back|wake up))\\b"),
          rule("\\b(?:disappear|vanish) and never come back\\b"),
          rule(
              "\\b(?:want|wants|wish|wishes) to (?:disappear|vanish|not exist|sleep forever"
                  + "|go to sleep forever){END}"),
          rule("\\b(?:sleep|go to sleep|fall asleep) forever\\b"),
          rule(
              "\\b(?:care|cares|cared|bothered|matter|matters) (?:if|whether) (?:i|he|she)"
                  + " (?:live|lives|lived) or (?:die|dies|died)\\b"),
          rule("\\b(?:cant|cannot|dont|do not|no longer) see (?:a|any) way out\\b")
              .unless("maze|building|car park|traffic|escape room|fire|exit|door|stuck in the"),
          rule(
              "\\b(?:dont|cant|never) see (?:myself|me|himself|herself) (?:being )?(?:alive"
                  + "|here|around) (?:next|in|by|for|much)\\b"),
          rule("\\b(?:go to sleep|sleep|fall asleep) and (?:never|not) wake up\\b"),
          rule("\\b(?:die|dying) in (?:my|his|her) sleep\\b"),
          rule("\\bdeserves? to die\\b").negatable(),
          rule("\\b(?:dont|doesnt) deserve to (?:live|be alive|be here|exist)\\b"),
          rule(
              "\\b(?:ways?|methods?|how|easiest way|quickest way|painless way) to (?:die(?! (?:cast|hard|for)\\b)|kill"
                  + " {REFL}|hang {REFL}|end (?:my|it|things)|overdose|not wake up)\\b"),
          rule("\\bresearch\\w* (?:ways|how|methods) to (?:die|kill|end)\\b"),

          // Method, plan and intent, with or without the word suicide.
          rule("\\b(?:stockpil\\w*|hoard\\w*|stash\\w*|squirrel\\w*|sav\\w* up|saved|saving) "
                  + "{G3}{PILLS}\\b")
              .unless("money|cash|bottles for recycling"),
          rule("\\b{PILLS} (?:saved|stockpiled|hoarded|stashed|hidden|put by|put aside|squirrelled)"
                  + "(?: up| away)?\\b")
              .unless("money|cash|prescription|pharmacy|chemist|recycling"),
          rule(
              "\\b(?:collect\\w*|gather\\w*|hid|hiding|hidden|keeping|kept) {G2}(?:pills|tablets"
                  + "|paracetamol|painkillers)\\b(?! (?:from|at|for (?:my|his|her)|prescription)\\b)"),
          rule(
              "\\benough {G2}{PILLS} (?:to|that) (?:end|do it|die|kill|not wake|never wake|finish"
                  + "|make sure|overdose)\\b"),
          rule("\\b(?:going to|want to|will|would|plan to|planning to|thinking about|thinking of"
                  + "|about to|tempted to|decided to|try to|could) (?:take|taking|swallow|swallowing"
                  + "|down|neck) (?:every|the whole|a whole|the lot of|all|all of|all the|whole"
                  + "|the rest of) {G2}{PILLS}?\\b")
              .unless("morning|prescribed|food|time|daily|day|course|holiday"),
          rule(
              "\\b(?:take|taking|took|taken|swallow|swallowed|swallowing) (?:too many|loads of"
                  + "|a load of|a handful of|a bottle of|a box of|a packet of|the whole packet of"
                  + "|a whole packet of|every) {G1}{PILLS}\\b"),
          rule(
              "\\b(?:swallow|swallowing|take|taking|down|neck) (?:the|a) (?:whole|entire) "
                  + "(?:packet|box|bottle|pack|lot)\\b"),
          rule("\\bhow many (?:\\w+ ){0,6}(?:die|kill|lethal|fatal|overdose|not wake up)\\b"),
          rule("\\b(?:jump|jumping|jumped|throw {REFL}|throwing {REFL}|threw {REFL}) "
                  + "(?:off|from|in front of|under|onto) {G3}(?:bridge|building|cliff|roof|tower"
                  + "|train|bus|lorry|car|truck|motorway|traffic|tracks|railway|platform|balcony"
                  + "|ledge|window|multistorey|flyover|overpass)\\b")
              .unless("bungee|charity|diving|trampoline|parachute|skydive|skydiving|pool"),
          rule(
              "\\b(?:step|stepping|stepped|walk|walking|walked|lie|lying|lay) (?:out )?"
                  + "(?:in front of|under) (?:a|the|an|oncoming) {G1}(?:train|bus|lorry|car|truck"
                  + "|traffic|van)\\b"),
          rule("\\b(?:walk|walking|walked|drive|driving|drove|crash|crashing|crashed|swim|swimming)"
                  + " {G3}(?:into|off) (?:the|a|an|oncoming) {G1}(?:sea|river|canal|traffic|wall"
                  + "|tree|lake|cliff|bridge|lorry)\\b")
              .unless("club|group|race|lesson|lessons|class|holiday"),
          rule("\\b(?:jump|jumping|jumped|end it)\\b[^|]*\\b(?:bridge|cliff|roof|ledge|edge"
                  + "|tower block|platform|balcony|car park)\\b")
              .unless("bungee|charity|trampoline|diving|parachute|skydive|pool|class|show"),
          rule("\\b(?:bridge|cliff|roof|ledge|edge|tower block|platform|balcony|car park)\\b.*"
                  + "\\b(?:jump|jumping|jumped|end it|do it)\\b")
              .unless("bungee|charity|trampoline|diving|parachute|skydive|pool|class|show"),
          rule("\\b(?:hang|hanging|hanged) {REFL}\\b").negatable(),
          rule("\\b(?:bought|got|have|has|buy|buying|tied|tie|tying|made|make|hidden|hid|keep"
                  + "|kept) {G2}(?:a )?(?:rope|ligature)\\b")
              .unless(
                  PROFESSIONAL
                      + "|climbing|access|skipping|swing|boat|sailing|knot|knots"
                      + "|tug|washing|class|gym|dog|lead"),
          rule("\\b(?:said|saying|say) (?:my|our|his|her) goodbyes\\b"),
          rule(
              "\\b(?:said|saying|say|said) goodbye to (?:everyone|the world|my family|my kids"
                  + "|life|you all|all of you|my children|everything)\\b"),
          rule("\\b(?:goodbye|suicide|final|last) (?:note|notes|letter|letters|message|messages"
                  + "|video)\\b")
              .unless("work|colleague|leaving|retirement|job|office|school"),
          rule(
              "\\b(?:written|wrote|writing|write|left|leaving) {G2}(?:letters|notes|a letter"
                  + "|a note) (?:to|for) (?:my|each of my|everyone|all my|the) (?:\\w+ )?(?:family|kids"
                  + "|children|wife|husband|mum|dad|parents|partner|loved ones|son|daughter|friends"
                  + "|everyone|boys|girls)\\b"),
          rule("\\b(?:given|giving|gave|give) (?:away )?(?:all )?(?:of )?(?:my|his|her) "
                  + "(?:things|stuff|belongings|possessions|pets)(?: away)?\\b")
              .unless("charity|declutter|decluttering|car boot|moving|downsizing|sale|house"),
          rule(
              "\\baffairs in order (?:so |and |before |ready |because )?{G3}(?:go|die|end|leave|gone"
                  + "|not here)\\b"),
          rule("\\bthis is (?:my|the) last (?:night|day|week|message|post)\\b"),
          rule("\\b(?:tonight|today) is the (?:night|day){END}"),
          rule("\\b(?:wont|not going to|will not) be (?:here|around|alive) (?:tomorrow|much longer"
                  + "|for long|by|next|anymore|after tonight|to see)\\b")
              .unless(
                  "session|class|appointment|rebook|book|meeting|holiday|away|shift|office"
                      + "|visit|course|group|session|week off|because of work"),
          rule(
              "\\b(?:know|worked out|work out|decided|planned|figured out|chosen|picked|sorted)"
                  + " (?:exactly )?(?:how|when|where) {G4}(?:do it|end it|die|kill \\w+|end things"
                  + "|go through with it|do this)\\b"),
          rule(
              "\\b(?:have|got|made|making) a plan (?:to|for how to|how to|of how to) (?:end|kill"
                  + "|die|do it|take)\\b"),

          // Self-harm.
          rule("\\b(?:cut|cutting|cuts|burn|burning|burnt|burned|hurt|hurting|hurts|harm|harming"
                  + "|harms|hit|hitting|punch|punching|scratch|scratching|starve|starving|bite"
                  + "|biting|stab|stabbing|poison|poisoning|strangle|strangling|choke|choking"
                  + "|bruise|bruising|punish|punishing) {REFL}\\b"
                  + "(?! (?:off|out|short|slack|free|a|some|in|up|back|down)\\b)")
              .unless(SPORT_OR_ACCIDENT)
              .negatable(),
          rule("\\b(?:cut|cutting|cuts|slit|slitting|slash|slashing|burn|burning|scratch"
                  + "|scratching|carve|carving|carved) (?:into )?(?:my|his|her|their) (?:own )?"
                  + "(?:arms?|wrists?|legs?|thighs?|skin|stomach|body|face|hips?)\\b")
              .unless(SPORT_OR_ACCIDENT + "|glass|paper|knife while|by mistake"),
          rule(
              "\\b(?:arms?|wrists?|legs?|thighs?|skin) (?:is |are )?(?:covered in|full of) "
                  + "(?:cuts|scars|burns)\\b"),
          rule("\\bcuts (?:i|he|she) (?:made|did|gave)\\b"),
          rule("\\b(?:is|are|been|keeps|keep|started) cutting(?: again)?{END}"),
          rule(
              "\\b(?:started|start|starting|been|keep|kept|back to|relapsed|relapse|urge to"
                  + "|urges to|want to|wanting to) (?:cutting|cut|burning|scratching)"
                  + "(?:{END}| again| {REFL}(?! (?:off|out|short|slack|free|back|down)\\b)| to cope"
                  + "| my (?:arms?|wrists?|legs?|thighs?|skin))"),

          // Perceived burdensomeness.
          rule("\\b(?:better off|happier|better|easier) {G2}without (?:me|him|her)\\b"),
          rule(
              "\\b(?:better off|happier|better|easier) if (?:i|he|she) (?:was|were|wasnt|werent|was not|were not)"
                  + " (?:gone|dead|here|around|alive|born|never born)\\b"),
          rule(
              "\\bbetter off if (?:i|he|she) (?:died|disappeared|never existed|had never been"
                  + " born|was never born|left for good|went away for good)\\b"),
          rule("\\b(?:a|an|such a|just a|the|being a|being) burden\\b(?! (?:of|on the nhs)\\b)")
              .unless(
                  "tax|debt|financial|administrative|admin|regulatory|paperwork|cost|disease"
                      + "|proof|research|scale|workload|old age|older|later life|care home"
                      + "|care planning"),
          rule("\\bburden (?:to|on|for) (?:everyone|my|me|them|people|others|family|his|her"
                  + "|their|you)\\b")
              .unless(
                  "old age|older|later life|care home|care planning|hate to|wouldnt want to be"),
          rule(
              "\\bno one (?:would|will|wouldnt|is going to) (?:miss|notice|care|mind)"
                  + "(?: me)?(?: if| when) (?:i|he|she) (?:died|was gone|were gone|disappeared|was"
                  + " dead|were dead|wasnt here|wasnt around|was not here|never woke up|killed|ended"
                  + "|left for good|never came back)\\b"),
          rule("\\bno one (?:would|will) (?:miss|notice) me\\b(?! (?:at|in|on|for)\\b)"),
          rule(
              "\\b(?:am|was|feel like|feel|been|being) (?:only |nothing but )?a waste of"
                  + " (?:space|oxygen|air|life)\\b"),

          // Hopelessness and entrapment.
          rule(
              "\\b(?:cant|nolonger|unable to) (?:go on|carry on|keep going|live like this"
                  + "|face (?:another day|tomorrow|life|living)|bear (?:it|this|living|life))"
                  + "(?:{END}| anymore| like this| living| with (?:this|life|it)| because| much longer"
                  + "| and| but)"),
          rule(
              "\\b(?:cant|nolonger|unable to) (?:do this|take (?:it|this|any of it)|cope"
                  + "|handle (?:it|this|life)|stand (?:it|this|life)) ?(?:{END}| anymore| because"
                  + "| and| but)"),
          rule(
              "\\bno (?:way|escape) out\\b(?:{END}| for me| and| but| because| of (?:this|it"
                  + "|here|life|my life|this life|this pain|the pain|this hell)(?:{END}| and| but"
                  + "| because| anymore))"),
          rule("\\b(?:feel|feeling|felt|feels|am|is|everything is|everything feels|life is"
                  + "|life feels|it is|completely|utterly) (?:\\w+ )?(?:hopeless|pointless)\\b"
                  + "(?! (?:at|with|romantic|case|in)\\b)")
              .unless("cooking|cook|maths|math|driving|directions|tech|computers|garden"),
          rule("\\bnothing (?:will|is going to|is ever going to) (?:ever )?(?:get|be) better\\b"),
          rule(
              "\\b(?:it|things|life|nothing) (?:will|is) (?:never|not ever) (?:get|be|going to"
                  + " get|going to be) (?:any )?better\\b"),
          rule("\\bnever going to get better\\b"),
          rule("\\bno hope (?:left)?(?: for me)?{END}"),
          rule(
              "\\b(?:lost all|given up all|there is no|i have no|i have got no|got no) hope\\b"
                  + "(?! (?:of|for the|that)\\b)"),
          rule("\\b(?:given|give|giving|gave) up on (?:life|living|everything|myself)\\b"),
          rule("\\bcant see (?:a|any) future\\b"),

          // Abuse or immediate danger, to the writer or to a child.
          rule("\\b{PARTY}\\b {G4}(?:will|would|going to|threatened to|threatening to|threatens"
                  + " to|threaten to|tried to|trying to|try to|wants to|want to|says he will"
                  + "|said he would) {G1}(?:kill|murder|stab|strangle|shoot|hurt|beat|burn|smash"
                  + "|choke) {VICTIM}\\b(?! (?:at|in) (?:chess|cards|tennis|golf|quiz|darts))")
              .unless("if i (?:am late|forget|lose|spend|break|miss|eat)|joke|joking|laughing"),
          rule(
              "\\b(?:afraid|scared|frightened|terrified|fear|worried|think) {G2}(?:he|she|they"
                  + "|him) (?:will|would|might|is going to|could) {G1}(?:kill|hurt|murder) {VICTIM}"
                  + "\\b"),
          rule("\\b{PARTY}\\b {G3}(?:hits|hit|hitting|beats|beat|beating|punches|punched|punching"
                  + "|kicks|kicked|kicking|slaps|slapped|slapping|strangles|strangled|strangling"
                  + "|chokes|choked|choking|hurts|hurting|rapes|raped|raping|abuses|abused|abusing"
                  + "|attacks|attacked|threatens|threatened|stabbed|burns|burned|assaulted|assaults"
                  + "|locked|locks|pushes|pushed|shoves|shoved|batters|battered|touches|touched"
                  + "|touching) {VICTIM}\\b(?! (?:back|knee|shoulder|neck|leg|ankle|wrist|hip"
                  + "|hand|foot|feelings|car|phone))")
              .unless(SPORT_OR_ACCIDENT + "|by mistake|feelings|ball"),
          rule("\\b(?:being|been|was|got|getting|is being|am being|are being|keep getting|gets)"
                  + " (?:hit|beaten|beat up|abused|strangled|choked|raped|attacked|assaulted"
                  + "|stalked|threatened|trafficked|groomed|exploited|battered|molested)\\b")
              .unless(SPORT_OR_ACCIDENT + "|by a car|by a bus|by a ball|by a bike|by lightning"),
          rule(
              "\\b(?:scared|afraid|frightened|terrified|fear|fearing|fearful) (?:for|of losing)"
                  + " (?:my|our) (?:\\w+ )?(?:life|lives|safety)\\b"),
          rule(
              "\\b(?:not|dont feel|never feel|nolonger feel|dont|do not feel|isnt) safe (?:at"
                  + " home|to go home|going home|in my (?:own )?(?:home|house)|in the house|with"
                  + " (?:him|her|them|my \\w+)|here|around him)\\b"),
          rule(
              "\\b(?:he|she|they|partner|husband|boyfriend|ex|dad|stepdad|someone|man|him)"
                  + " (?:has|is holding|has got|got|is carrying|brought|grabbed|pulled) (?:a )?"
                  + "(?:knife|gun|weapon|axe|hammer|machete)\\b"),
          rule(
              "\\b{PARTY} {G3}outside (?:my|our) (?:house|door|flat|home|window|work|school)\\b"
                  + "(?! to (?:deliver|collect|pick))"),
          rule(
              "\\b(?:need|have|got|want) to (?:get away from|escape from|escape|get out|flee"
                  + "|leave|run from) (?:him|her|them|my \\w+|home|this house|the house|here)"
                  + " (?:tonight|now|today|right now|asap|before he|before she)\\b"),
          rule(
              "\\b(?:hiding|hide|hid|fleeing|fled|flee|escaped|escaping) from (?:him|her|my"
                  + " (?:husband|partner|boyfriend|girlfriend|wife|ex|dad|stepdad|father))\\b"),
          rule(
              "\\b(?:wont|doesnt|dont|never) let me (?:leave|go out|out|see my|have my|use my"
                  + " phone|have money)\\b"),
          rule("\\b(?:touching|touched|touches|abusing|abused|hurting|hitting|beating|beats|hits"
                  + "|molesting|molested|grooming|groomed) (?:my|our|the|his|her) (?:\\w+ )?"
                  + "(?:child|children|kids|kid|son|daughter|baby|grandchild|grandson"
                  + "|granddaughter|brother|sister|little one)\\b")
              .unless(SPORT_OR_ACCIDENT + "|ball|by mistake"),
          rule("\\b(?:child|children|kids|kid|son|daughter|baby|sister|brother|grandchild) "
                  + "(?:is|are|was|were|has been|have been|keeps|keep) (?:being )?(?:abused"
                  + "|beaten|hit|touched|neglected|groomed|assaulted|raped|starved|locked"
                  + "|molested)\\b")
              .unless(SPORT_OR_ACCIDENT + "|ball|by a car"));

  private DistressRules() {}

  /** Whether any rule fires anywhere in the normalised text. */
  static boolean anyMatch(String normalised) {
    Map<String, List<Integer>> wordStarts = new HashMap<>();
    int start = 0;
    for (int i = 0; i <= normalised.length(); i++) {
      if (i == normalised.length() || normalised.charAt(i) == ' ') {
        if (i > start) {
          wordStarts
              .computeIfAbsent(normalised.substring(start, i), w -> new ArrayList<>())
              .add(start);
        }
        start = i + 1;
      }
    }
    for (DistressRule rule : RULES) {
      if (rule.firesIn(normalised, wordStarts)) {
        return true;
      }
    }
    return false;
  }

  private static DistressRule rule(String template) {
    return DistressRule.of(compile(template), false);
  }

  private static DistressRule topic(String template) {
    return DistressRule.of(compile(template), true);
  }

  private static Pattern compile(String template) {
    String regex = template;
    for (Map.Entry<String, String> part : PARTS.entrySet()) {
      regex = regex.replace(part.getKey(), part.getValue());
    }
    return Pattern.compile(regex);
  }
}
