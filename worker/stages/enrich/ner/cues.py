"""Closed word lists that tell what kind of name a capitalised run is (hand-made, general English usage)."""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string, which reads better than a list literal."""
    return frozenset(text.split())


# The lists are Final, so the compiled stages read them from C statics, not from a module's namespace.

# A run containing one of these heads is a title ("Vice Foreign Minister"): it is cut off the name and
# marks the name after it as a person.
_TITLE_HEAD_WORDS = _words(
    """President Minister Secretary Chancellor Senator Sen. Representative Rep. Governor Gov. Mayor King Queen
    Prince Princess Pope Sheikh Emir Sultan Ambassador General Gen. Lt. Colonel Col. Major Maj. Captain Capt.
    Admiral Adm. Sergeant Sgt. Commander Cmdr. CEO CFO COO Chairman Chairwoman Chairperson Director Judge Justice
    Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof. Professor Rev. Reverend Bishop Archbishop Cardinal Ayatollah Speaker
    Spokesman Spokeswoman Spokesperson Leader Premier Lord Lady Sir Dame Congressman Congresswoman MP Sheriff
    Commissioner Superintendent Marshal Detective Inspector Coach Manager Chief Officer Attorney Prosecutor
    Councillor Councilman Councilwoman Envoy Director-General Secretary-General President-elect Dean Rabbi Imam
    Pastor Father Brother Sister Saint St. Treasurer Undersecretary Lieutenant Private Corporal Chairmen
    Vice-President"""
)
# Hyphenated forms of the heads ("Co-President", "Ex-Minister", "Acting-Director") are titles too.
TITLE_HEADS: Final = _TITLE_HEAD_WORDS | frozenset(
    f"{prefix}-{head}" for prefix in ("Co", "Ex", "Vice", "Deputy", "Acting") for head in _TITLE_HEAD_WORDS
)
# Words that only make a title together with a head ("Foreign" in "Foreign Minister", "Home Secretary").
TITLE_MODIFIERS: Final = _words(
    """Vice Deputy Prime Foreign Home Defence Defense Interior Finance Trade Health Justice Education Energy
    Economy Environment Transport Agriculture Labour Labor Culture Commerce Treasury State Executive Chief
    Assistant Acting Former Senior Junior Associate Managing Operating Financial Technology Supreme High
    Grand Lord Attorney Deputy-Prime Opposition Party Majority Minority Press Communications Public Security
    Intelligence Army Navy Air Police Fire Team Club Head Joint Staff Presiding General Surgeon Foreign-Affairs
    Affairs Immigration Development Information Industry Science Sports Tourism Youth Women's"""
)
# Last words of organisation names; "X of Y" after one of them is part of the name ("Bank of England").
ORG_HEADS: Final = _words(
    """Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC L.L.C. Plc PLC plc AG GmbH N.V. NV S.A. SA Co. Company Companies
    Group Holdings Industries Airlines Airline Airways Bank Bancorp Fund Trust Ministry Department Agency Office
    Council Commission Committee Authority Administration Bureau Board Party Union Federation Association
    Society Institute Institution Foundation University College School Academy Church Army Navy Force Forces
    Guard Police Court Parliament Assembly Congress Senate Organization Organisation League Club Network
    News Times Post Journal Herald Tribune Gazette Press Magazine Television TV Radio Broadcasting Studios
    Records Motors Systems Technologies Technology Electronics Labs Laboratories Pharmaceuticals Research
    Services Partners Capital Securities Exchange Coalition Alliance Front Movement Brigade Brigades Battalion
    Regiment Division Legion Corps Service Secretariat Cabinet Government Tribunal Reserve Consortium Bureau
    Mission Directorate Command Unit Caucus Ministries Monitor Telegraph Observer Chronicle Daily
    Weekly Review Reuters Entertainment Communications Media Publishing Enterprises Solutions Software
    Energy Petroleum Oil Gas Mining Motor Aviation Aerospace Airplanes Aircraft Shipping Railways Railway
    Telecom Insurance Investments Ventures Brands Stores Foods Hotels Resorts Pictures Productions
    Orchestra Band Choir Ensemble Team Org"""
)
# Heads that only a company's name ends in: a common word before one is part of the name ("News Corp.").
COMPANY_SUFFIXES: Final = _words(
    "Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC L.L.C. Plc PLC plc AG GmbH N.V. S.A. Co."
)
# Last words of names of places and buildings (typed LOC / FACILITY).
PLACE_HEADS: Final = _words(
    """River Lake Mountain Mountains Mount Island Islands Valley Bay Sea Ocean Gulf Strait Peninsula Desert
    Province County District Region Prefecture Territory Canyon Coast Beach Falls Forest Park Plain Plains
    Basin Delta Hills Creek Harbour Harbor Cape Village Town Borough Oblast Governorate"""
)
FACILITY_HEADS: Final = _words(
    """Airport Stadium Arena Station Bridge Hotel Hall Mosque Cathedral Church Temple Tower Towers Palace
    Square Street Avenue Road Boulevard Centre Center Hospital Museum Prison Base Building Memorial Shrine
    Gallery Theatre Theater Library Castle Fort Dam Plaza Mall Highway Motorway Port Terminal Factory Plant
    Mine Field Ground Gardens Zoo Clinic Camp Observatory"""
)
# Last words of names of instruments and craft (typed PRODUCT): "the Kepler Telescope", "Voyager Spacecraft".
PRODUCT_HEADS: Final = _words("Telescope Satellite Spacecraft Rover Orbiter Lander")
# Plural nicknames of sports teams that the common-word list does not hold ("Tigers", "Sox"); other
# plurals of common words ("Maple Leafs", "Twins") are found by rule.
TEAM_PLURALS: Final = _words(
    """Sox Tigers Bulls Lions Eagles Yankees Ravens Hawks Pirates Rangers Knights Warriors Wolves Patriots
    Celtics Lakers Mets Dodgers Braves Cardinals Orioles Mariners Astros Royals Rockies Padres Phillies
    Nationals Brewers Marlins Rays Cubs Reds Athletics Steelers Packers Cowboys Broncos Raiders Chargers
    Seahawks 49ers Falcons Panthers Saints Vikings Bengals Colts Jaguars Titans Texans Dolphins Bills
    Jets Giants Bears Redskins Commanders Canucks Flames Oilers Penguins Bruins Blackhawks Canadiens
    Senators Sabres Islanders Devils Flyers Capitals Predators Sharks Ducks Kings Coyotes Spurs Rockets
    Mavericks Nuggets Clippers Knicks Nets Pistons Pacers Hornets Grizzlies Pelicans Thunder Suns Timberwolves
    Wizards Raptors Cavaliers Magic Heat Jazz Kiwis Wallabies Springboks Pumas Crusaders Blues Hurricanes"""
)
# Capitalised words that are never names on their own.
STOP_WORDS: Final = _words(
    """The A An This That These Those He She It We They I I'm I've I'd I'll You His Her Its Their Our My Your
    In On At For But And Or If When While After Before As By From To With Of Not No Yes So Also However
    There Here What Who Why How Which Where Some Many Most All Any Each Every Both Such Other Another One
    Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September October
    November December Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today
    Yesterday Tomorrow Tonight Meanwhile According Although Despite During Since Until Under Over Into Then
    Now Earlier Later Still Yet Just Only Even Because OK Okay Mr Mrs Ms Dr Sir Madam Lady Lord Ltd Inc
    AM PM A.M. P.M. Internet Web"""
)
# Lower-case words that, right before a name, say it is a person's ("spokeswoman Sandy Angers").
PERSON_BEFORE: Final = _words(
    """spokesman spokeswoman spokesperson leader president minister chairman chairwoman chair ceo executive
    director founder co-founder analyst economist secretary ambassador envoy senator governor mayor judge
    lawyer attorney barrister solicitor official officer commander general captain coach manager player
    striker defender midfielder goalkeeper forward winger actor actress singer musician writer author novelist
    poet artist illustrator producer journalist reporter editor columnist correspondent professor scientist
    researcher doctor campaigner activist member resident student teacher candidate premier chief head
    deputy vice owner investor billionaire businessman businesswoman entrepreneur boss colleague wife husband
    son daughter brother sister mother father friend cousin uncle aunt rapper comedian chef athlete driver
    pilot victim suspect defendant witness inspector detective sheriff prosecutor rival opponent challenger
    incumbent nominee lawmaker legislator congressman congresswoman representative dictator counsel
    scholar historian philosopher presenter host anchor designer architect engineer programmer developer
    photographer filmmaker broadcaster diplomat spokesmen lieutenant sergeant colonel admiral priest bishop
    cardinal rabbi imam pastor monk nun prince princess king queen emperor pope mr mrs ms dr named
    teammate team-mate footballer cricketer boxer wrestler cyclist skier swimmer runner golfer tennis"""
)
# Verbs of saying right after a name: with two or three words, the name is a person's.
PERSON_AFTER: Final = _words(
    """said says told added explained stated noted wrote argued claimed insisted warned asked replied
    commented recalled admitted acknowledged believes thinks felt died was_born"""
)
# Lower-case particles inside personal names ("Ursula von der Leyen", "Ludwig van Beethoven").
NAME_PARTICLES: Final = _words("van von der den de da di du del della dos das la le bin ibn al el")
# Last words of names of events (typed EVENT, which is not scored as PERSON/ORG/LOC).
EVENT_HEADS: Final = _words(
    """Conference Summit Games Olympics Olympiad Cup Championship Championships Festival Expo Awards Show
    Tournament Marathon Prix Convention Forum Week Fair Election Elections Referendum War Revolution Crisis"""
)
# Words that are capitalised but are not names of people, organisations or places: religions and their
# followers, holidays, units, currencies and common technical acronyms.
NON_NAMES: Final = _words(
    """Muslim Muslims Christian Christians Jew Jews Jewish Catholic Catholics Protestant Protestants Hindu
    Hindus Buddhist Buddhists Sikh Sikhs Islam Islamic Christianity Judaism Hinduism Buddhism Sunni Shia
    Shiite Sunnis Shiites Christmas Easter Ramadan Eid Hajj Thanksgiving Halloween Hanukkah Passover Diwali
    Lent USD EUR GBP JPY CNY UTC GMT EST PST CET GHz MHz GB MB TB KB LCD LED VIP SDK API CEO CFO COO CTO
    PhD MBA TV PC GDP HIV AIDS DNA MP3 USB DVD CD HD GPS IT AI ID PR FAQ OS PDF HTML URL IP RAM CPU GPU
    WWII No. PS BC AD Mr. Mrs. Ms. Dr. Jr. Sr. St. OK C.E.O. U.S.$"""
)
# A first word that opens an organisation name whatever follows ("Air Canada", "Air India").
ORG_OPENERS: Final = _words("Air")
# Phrases of match reports; an article with several of them reports a game, where countries are teams.
# (Matched as substrings, so each is written the way it appears in running text.)
SPORTS_CUES: Final = (
    " scored",
    " goal",
    "striker",
    "midfielder",
    "goalkeeper",
    " defender",
    "World Cup",
    " penalty",
    "half-time",
    "halftime",
    " the match",
    " kick",
    " tournament",
    " coach ",
    " squad",
    " referee",
    " inning",
    " wicket",
    " medal",
    " pitcher",
    " home run",
    " playoff",
    " touchdown",
    " quarterback",
    " rebounds",
)
# Lower-case words after a name that show it heads its phrase ("the UN said", "the BBC in London"), where
# a noun after it would show the name modifies that noun ("the Apple website"): function words, modals,
# common verbs in the forms that do not end in -s, -ed or -ing, and adverbs.
WORDS_AFTER_A_HEAD: Final = _words(
    """and or but nor of in on at to for with by from as than that which who whom whose where when while if
    because after before since until about into over under between against during without within will would
    can could may might must shall should do did had be been being are am were is was said told made took
    gave won lost beat began came went got found held met led left put set sent spent saw knew thought
    brought bought sold paid built kept let ran rose fell cut hit struck chose became become come go run
    take make give win lose say tell hold meet lead keep leave upheld live want need plan hope expect
    believe claim argue insist think know see continue isn wasn aren weren doesn didn hasn haven hadn couldn
    wouldn shouldn have a an the this these those he she it they we his her its their there here so yet both
    either each all some every including according near around due like per via following despite through
    across along toward towards upon off out up down away back ago earlier later last next first once again
    only even well instead alone more less today yesterday tonight also now then still already just not
    never too however itself"""
)
# Words before a place's name that make a part of it ("East Los Angeles", "Northern Syria").
GEO_MODIFIERS: Final = _words(
    """North South East West Northern Southern Eastern Western Central Greater Upper Lower Inner Outer
    Downtown Metropolitan Metro Northeast Northwest Southeast Southwest Northeastern Northwestern
    Southeastern Southwestern"""
)
