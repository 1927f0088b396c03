"""Word lists written by hand for this project.

Nothing here is taken from a test-data generator: the common-word list, the name lists and
the cue words were typed for Confide from general knowledge of English and of names common in
the United States (Anglo, African-American, Hispanic and other communities). The common-word
list is used to *exclude* capitalised words that are not names; the name lists only add recall
where capitalisation gives no signal (lowercase text messages, sentence starts).
"""

from __future__ import annotations

from functools import lru_cache


def _words(*chunks: str) -> frozenset[str]:
    return frozenset(w for chunk in chunks for w in chunk.split())


# Everyday English, note-writing vocabulary and texting shorthand. Inflections are handled by
# `is_common` below, so base forms suffice.
COMMON = _words(
    """a about above across act action actually add address after afternoon again against age
    ago agree ahead aid all allow almost alone along already also although always am among an
    and anger angry another answer any anyone anything anyway apart appear apply appointment
    area arm around arrive as ask at attend attention available avoid away back bad bag base
    basic be bear beat because become bed been before begin behind being believe below best
    better between big bit black blood blue board body book both bottom box boy break breakfast
    bring brother brought build building bus business busy but buy by call calm came can car
    card care career carry case cause center certain chair chance change charge check child
    children choice choose church city class clean clear close clothes cold come comfortable
    coming community company complete concern condition consider continue control cook cool
    copy cost could count country couple course court cover crazy create cry cup current cut
    daily damage dark date daughter day dead deal death decide decision deep did die different
    difficult dinner direct discuss do doctor does dog done door double down draw dream dress
    drink drive drop during each early earn easy eat effort either else emergency end enjoy
    enough enter entire even evening event ever every everyone everything exactly example except
    excuse expect experience explain eye face fact fail fair fall family far fast father fear
    feel feeling few field fight figure fill final finally find fine finish fire first fit
    five fix floor fly follow food foot for force forget form forward four free friend from
    front full fun future game garden gave get girl give glad go goal gone good got great green
    ground group grow guess guy had hair half hand happen happy hard has hate have he head
    health hear heart heat heavy held hello help her here herself hi high him himself his hit
    hold holiday home hope hospital hot hour house how however huge human hurt husband i idea
    if ill important in include inside instead interest into is issue it its itself job join
    just keep key kid kind kitchen knew know known lack land large last late later laugh law
    lay lead learn least leave left leg less let letter level lie life light like likely line
    list listen little live local long look lose loss lost lot love low lunch made mail main
    make man manage many matter may maybe me mean meet meeting member mention message met
    middle might mind minute miss moment money month more morning most mother move much must my
    myself name near nearly need never new news next nice night nine no none nor not note
    nothing notice now number of off offer office often oh ok okay old on once one only open or
    order other our out outside over own page paid pain paper parent part party pass past pay
    people per perhaps period person phone pick piece place plan play please point police poor
    possible power present pretty price private probably problem process program provide public
    pull put question quick quiet quite rather reach read ready real really reason receive
    recent red remember report rest return right road room round rule run sad safe said same
    save saw say school sea seat second see seem seen self sell send sense serious serve set
    seven several shall share she short should show shut sick side sign simple since single
    sister sit six sleep slow small so some someone something sometimes son soon sorry sort
    sound space speak special spend spoke staff stand start state stay step still stop store
    story street strong stuff such sure take talk tell ten than thank that the their them then
    there these they thing think third this those though thought three through throw time tired
    to today together told tomorrow tonight too took top toward town track train tree trip
    trouble true trust try turn twice two type under understand until up upon us use used usual
    very visit voice wait walk wall want war warm was watch water way we wear week weekend well
    went were what whatever when where whether which while white who whole whom whose why wife
    will win window wish with within without woman women wonder word work world worry worse
    worst would write wrong yard yeah year yes yesterday yet you young your yourself""",
    # Notes, services, recovery and health vocabulary.
    """abuse access accompanied accompany addiction admission admit admitted advised advocate
    advocacy afraid agency aggressive alcohol anxiety anxious appt appts approved arrest assess
    assessment assist assistance attended attempt attorney aware behavior behaviour benefits
    bill birthday boundaries boundary bridge brief cab calendar caller cancel cancelled
    caregiver cash celebrated cell chart chip chronic claim client clients clinic clinical
    clinician coach coaching cocaine collateral concerns confidential confidentiality consent
    contact contacted coping counseling counselor counsellor crack craving cravings crisis
    custody dated decline declined denied deny depressed depression detox diagnosis discharge
    discharged disclosed documented documenting domestic dose drove drug drugs drunk eligible
    email emailed employment encouraged engaged escorted etoh evaluation eviction faxed fax fee
    felony fentanyl file filed follow followup form forms frustrated funding goals grief
    guardian harm heroin hired homeless homelessness hotline housing incarcerated income intake
    insurance jail kit lawyer lease legal letter level license licence linked medical
    medication medications meds mental meth methadone monitor mood motivation narcan noted
    outpatient outreach overdose overdosed paperwork parole participant peer peers pharmacy
    phone pills plan planning prescriber prescription prison probation progress provider
    psychiatric psychiatrist psychiatry ptsd rapport recovery referral referred refill rehab
    reinstated relapse relapsed release rent rental request requested reschedule resident
    residential resources respite resume review reviewed ride rides risk roi safety sober
    sobriety sponsor sponsee stable strengths stress stressors substance suboxone suicidal
    suicide supervisor supervision support supported supportive symptoms team termination
    terminated therapist therapy transport transportation trauma treatment triggers unsafe
    urge urges used using verification voicemail volunteer voucher waiting waitlist wellness
    withdrawal worker workers wrap""",
    """accompanying administration afternoon agreed agenda airport alert allergic apartment apt
    arrived asked attendance bedroom boyfriend girlfriend bro sis bf gf bff cousin aunt uncle
    nephew niece grandma grandpa grandmother grandfather grandson granddaughter grandkids mom
    dad mommy daddy mama papa nana wife husband partner ex fiance fiancee roommate neighbor
    neighbour landlord landlady boss coworker pastor priest reverend officer judge nurse dr mr
    mrs ms miss sir madam manager director coordinator navigator specialist aide assistant
    caseworker cm po pcp np pa rn lpn lcsw lpc lisw md do attending resident intern chaplain
    sergeant detective deputy sheriff trooper captain lieutenant mayor senator teacher
    principal coach owner tenant baby infant toddler teen teenager adult elder senior male
    female man woman men boys girls kids son daughter stepson stepdaughter stepmom stepdad
    brother-in-law sister-in-law in-laws mother-in-law father-in-law family friends buddy
    friend dude bestie""",
    """pt pts clt ct hx dx tx rx sx fx yo y/o yrs yr hrs hr min mins wk wks mo mos mg ml mcg
    am pm vm msg msgs txt txted texted texting text texts call called calling phoned lmtcb
    lol omg idk tbh btw ty thx pls plz u ur r ya yall y'all im ive id ill hes shes theyre
    thats whats wasnt didnt doesnt dont cant wont isnt arent couldnt wouldnt shouldnt aint
    gonna wanna gotta kinda sorta tmrw tmr tomorrow tonite nite l8r b4 2day 2nite cuz bc cause
    w/ w/o abt re fyi asap eta n/a na ok k kk yep nope yup nah hey hi hello bye thanks
    gonna lemme gimme dunno ain't""",
    """subjective objective assessment intervention interventions response plan goal goals
    note notes summary progress presenting problem strengths barriers next steps steps
    date time location duration type session contact face phone video telehealth virtual
    home community office visit visits group individual family collateral check checked
    checking in met meet meeting meetings discussed discussing discuss explored exploring
    processed processing provided providing reviewed reviewing educated education modeled
    shared sharing validated validating reflected reflecting practiced practicing identified
    identifying completed completing assisted assisting connected connecting scheduled
    scheduling confirmed confirming arranged arranging reported reporting reports states
    stated stating says said endorses endorsed denies presented appeared appears expressed
    expressing verbalized verbalizing agreed agrees continues continue continued declined
    walked drove rode texted left returned received receiving sent sending brought bringing
    gave given offered offering helped helping met called tried trying attempted attempting
    ongoing upcoming pending current previous prior recent recently today yesterday tomorrow
    morning evening night weekly monthly daily biweekly tearful calm pleasant cooperative
    engaged guarded irritable upset worried hopeful motivated overwhelmed stressed shaken""",
    """again ahead almost also already always anymore anyway around away back barely both
    briefly currently definitely early easily else especially eventually ever finally first
    generally hardly here however instead just lately later least less mainly maybe more
    most mostly much nearly never next no not now often only otherwise perhaps possibly
    probably quickly rarely rather really recently regularly right since slightly so soon
    still suddenly then there therefore though thus together too twice usually very well
    when where why yet unable able above below under over between within without upon onto
    into via per plus minus versus vs etc ie eg approx approximately around about""",
    """ability absence absent abstinence accept accepted accident account accurate achieve
    acknowledge activity actual addition additional adequate adjust administer adopt advance
    advice affect afford agenda agent aggression agreement alarm alert alive allergy allowed
    alternative amount animal announce annual apology apparent application approach
    appropriate approval approve argue argument arrange arrangement article aside asleep
    associate assume attach attack attitude audio author authority auto average award
    awake background balance bank bar basis bath bathroom battery bedtime beer behalf
    belong benefit bike bills birth blame blank block board boat bond bone bonus border
    bottle brain brand bread breath breathing bright broke broken brush budget bug bunch
    burden burn button cabinet cake camera camp cancer capacity capital caption captain
    carefully carpet cat catch category ceiling cell certificate chain challenge champion
    channel chapter character charity chat cheap cheat chest chicken childcare choir
    circle citizen civil claims classes clearly climb clock closet cloth cloud clue coat
    code coffee coin collect collection college color colour column combination comfort
    comment commit commitment common communicate communication compare complaint complex
    computer concept concert conference confident confirm conflict confused confusion
    connect connection consequence contract contribute conversation convince cope corner
    correct cost costs couch cough counsel count county couple courage cousin coverage
    crew crime criminal critical crowd culture cure curious customer cycle dance danger
    dangerous data deadline dear debt decent deck declare deep defense degree delay
    deliver delivery demand dental dentist department deposit describe description desk
    detail detailed determine develop development device diet difference dirty disability
    disabled discipline discount discover disease dish disorder distance district divorce
    document documentation dollar domestic donation donate drama drawer dresser driver
    driving dry due duty eager ear earlier earth ease east edge educate effect effective
    egg elderly election electric electricity element elevator eligibility emotion
    emotional employee employer empty encourage energy engage engine enroll enrollment
    ensure entry envelope environment equal equipment error escape essay estimate
    evaluate evidence exam examine excellent exchange excited exercise exhausted exist
    exit expense expensive expert explore express extend extra extreme fabric facility
    factor fault favor favorite feedback fees fence festival fever fiction file final
    finance financial fingers firm fish fitness flag flat flight flood flow flower flu
    focus folder folks foot football forever fork formal former fortune forum foster
    frame freedom fresh fridge friendly fruit fuel fund funeral furniture gap gas gate
    gear general gift given glass global glove golf goods government grab grade grant
    grass grateful gratitude grocery groceries guard guest guide guilt guilty gun habit
    hall handle hang hardship hat headache healing healthy hearing heater height helpful
    hero hidden highway hire history hobby hole homework honest honesty horse host hotel
    household hug humble hungry hunger hunt husband ice identity ignore illness image
    impact improve improvement incident income increase independent individual indoor
    industry infection inform information initial injury inner input inquiry insist
    install instance instruction interview introduce invite involve iron island item
    jacket jeans jewelry joke journal journey judgment juice jump junk justice kick kill
    king kiss knee knife lab label labor ladder lady lake lamp language laptop laundry
    layer lazy leader leadership league lean legal lesson liability library lifestyle
    lift limit link lip liquor lists loan location lock lonely loud lucky luggage machine
    magazine maintain major majority male market marriage married mask massive master
    match material meal meaning measure meat media medicine medium memory mental menu
    mess metal method middle midnight military milk mirror mission mistake mix mobile
    model modern mom moms monitor motor mountain mouse mouth movie muscle music mutual
    nail narrow nation national natural nature negative neighborhood neither nervous
    network nobody noise normal nose novel nurse object obvious occasion ocean odd offense
    official oil older online option orange organization original outcome oven owe
    package pack pain paint pair pants park parking partner passenger password patience
    patient pattern peace pen pencil pension percent perfect performance permanent permission
    personal pet photo physical piano picture pie pile pillow pilot pink pipe pizza plant
    plastic plate platform player pleasure plenty pocket poem policy polite politics pool
    population porch portion position positive post pot potential pound poverty practice
    pray prayer prefer pregnant pregnancy premium prepare presence pressure prevent pride
    priest primary print prior priority prize procedure produce product profile profit
    project promise proof property protect protection proud prove province psychology
    pudding purchase purpose purse push quality quarter queen quit race radio rain raise
    range rate ratio reaction reality realize receipt recognize record recover reduce
    reflect refuse region register regret regular relate relationship relative relax
    reliable relief religion remain remove repair repeat replace reply request require
    rescue research reserve resolve resource respect respond responsibility responsible
    restaurant result retire retirement reveal revenue reward rice rich ring rise river
    role roof root rope rough route routine row rush sadness salary sale salt sample
    sandwich satisfy sauce scale scared scene schedule science score screen search
    season secret secretary section secure security seed senior sentence separate sequence
    series session settle severe sex shake shape sharp shelf shell shift shirt shock shoe
    shoes shop shopping shot shoulder shower sight signal signature silence silly silver
    similar singer sink site situation size skill skin skirt sky sleep slide smell smile
    smoke smoking snack snow soap social society sock sofa soft software soil solid
    solution solve song soul soup source south speaker speech speed spirit spiritual
    sport spot spread square stage stair stairs stamp standard star statement station
    status steady steal stick stomach stone storage storm stove strategy stranger stream
    strength stretch strike string structure struggle student studio study style subject
    success successful sudden sugar suggest suggestion suit summary supply surgery
    surprise surround survey survive suspect swear sweet swim switch system table tablet
    tail talent tank tape task taste tax tea teach tear technology teeth telephone
    television temperature temporary tend tension term terrible test thanks theme theory
    thick thin threat threaten throat ticket tie tight tip tissue title toilet tone tool
    tooth topic total touch tough tour towel tower toy trade tradition traffic transfer
    transition trash travel treat trial trick truck truth tube tuition twin uniform union
    unit universe upset urban usual vacation valuable value van vehicle version victim
    video view village violence virus vision visitor vitamin volume vote wage waist
    wallet warning wash waste wave weak wealth weapon weather website wedding weight
    welcome welfare west wet wheel whenever wherever wide wild wind wine wing winner wire
    wise witness wood wool worth wound wrist yell youth zone""",
    """patient patients vitals temp pulse lungs heart abdomen extremities neuro skin
    writer peer exam labs imaging ct mri xray x-ray ekg ecg cbc bmp cmp lft tsh hgb wbc plt inr
    history hpi pmh psh fh sh ros allergies nkda meds medication dosage dose doses
    tablet tablets capsule capsules daily bid tid qid qhs prn po iv im sq hs stat
    admission admitted discharge disposition impression assessment plan diagnosis
    diagnoses problem problems chief complaint presents presented presenting denies
    reports endorses complains noted notes unremarkable normal abnormal stable unstable
    acute chronic mild moderate severe positive negative bilateral left right upper lower
    anterior posterior chest pain shortness breath nausea vomiting diarrhea constipation
    fever chills cough headache dizziness fatigue weakness numbness tingling swelling
    rash bleeding blood pressure rate oxygen saturation sat weight height bmi diabetes
    hypertension asthma copd chf cad cirrhosis hepatitis pneumonia infection sepsis
    seizure stroke withdrawal intoxication overdose psychosis mania bipolar schizophrenia
    anxiety depression insomnia suicidal homicidal ideation hallucinations delusions
    paranoia paranoid orientation oriented alert cooperative appearance behavior speech
    thought judgment insight affect mood eye contact hygiene grooming appetite sleep
    follow-up followup f/u s/p c/o h/o r/o w/u d/c dc'd pt's consult consulted service
    services unit floor bed room ward er ed triage ambulance ems police rn md np pa
    social worker sw case management cm pharmacy pharmacist prescription prescribed
    refills refilled urine screen tox toxicology result results pending negative""",
    """told asked gave took went came saw spoke sat stood brought bought sought thought
    felt kept left lost met paid sent spent won wrote written driven given taken eaten
    fallen forgotten gotten hidden ridden risen shaken spoken stolen sworn torn woken
    worn began begun drank drunk ran rang sang sank swam knew grew drew threw flew
    blew shown sewn sold held built bent dealt dug fed fled fought found ground hung
    heard laid led lent lit meant read slept slid spun stuck stung struck swept swung
    taught understood wept wound made said seen been done gone had did""",
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs
    fri sat sun weekend weekday noon midnight spring summer fall autumn winter season
    christmas thanksgiving easter halloween holiday holidays birthday anniversary new years
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""",
)

# Proper nouns that are not identifiers in Safe Harbor terms: benefit programmes, national
# fellowships, drugs, states, nationalities. Flagging them would only hurt precision.
NON_IDENTIFYING = _words(
    """god jesus christ lord bible allah buddha english spanish french american mexican
    african asian latino latina latinx hispanic black white native indian puerto rican
    cuban dominican haitian christian catholic baptist methodist lutheran muslim jewish
    medicaid medicare snap wic tanf ssi ssdi ssa hud section va vets veterans ebt chip
    aca obamacare marketplace aa na ca al-anon alateen nar-anon smart celebrate twelve
    big book steps step traditions serenity prayer narcan naloxone suboxone subutex sublocade
    vivitrol methadone buprenorphine naltrexone xanax klonopin ativan valium adderall ritalin
    oxy oxycontin percocet vicodin norco tramadol fentanyl heroin meth cocaine molly ecstasy
    zoloft prozac lexapro celexa paxil wellbutrin effexor cymbalta trazodone seroquel abilify
    risperdal zyprexa lithium depakote lamictal gabapentin neurontin tylenol advil motrin
    ibuprofen insulin metformin lisinopril covid covid-19 hiv aids hep hcv hbv ptsd adhd ocd
    bpd mdd gad sud oud aud smi iop php mat ed er icu ob gyn ot pt lcsw lisw lpc lpcc cdca
    cadc cpss cprs crs pss wrap cbt dbt mi emdr ua uas uds bac dui owi ovi dwi cps dcfs dss
    jfs bmv dmv irs fbi dea ice usps ups fedex atm id ids dob ssn mrn npi roi hipaa iep ged
    gps tv uber lyft walmart target mcdonalds facebook fb instagram ig snapchat snap tiktok
    twitter x youtube google gmail zoom teams whatsapp messenger venmo cashapp paypal
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
    rtc si hi nos wnl sob cp loc aox3 a&o bp hr rr spo2 iop php pcp lmsw qmhp ccm tcm acm
    act cit nami samhsa cdc nih who fda ada ssn tbd asap rsvp vm od ods nkda etoh thc
    york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah
    vermont virginia washington wisconsin wyoming usa us u.s. america united states""",
)

# Two-letter postal abbreviations: states are allowed by Safe Harbor, and they mark a city
# before them ("Dayton, OH") and a ZIP after them.
STATE_ABBREVIATIONS = _words(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
    NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR""",
)

# Capitalised words that may be a name but are far more often a sentence word; a capital
# letter alone is not enough evidence for these (context cues still apply).
WEAK_CAPITALS = _words(
    """i i'm i'll i've i'd ok okay dr mr mrs ms pt client peer plan note per re cc bcc
    may will can june april august march""",
)

# First names, typed for this project. Lowercase. Used when case gives no signal.
FIRST_NAMES = _words(
    """aaliyah aaron abby abigail abraham adam adan adrian adriana adrienne agnes agustin
    aidan aiden aimee aisha alan alana albert alberto alec alejandra alejandro alex alexa
    alexander alexandra alexis alfonso alfred alfredo ali alice alicia alisha alison allen
    allison alma alondra alvin alyssa amanda amber amelia amir amy ana andre andrea andres
    andrew andy angel angela angelica angelina angie anita ann anna anne annette annie
    anthony antoine antonio antwan april ariana armando arnold arturo ashley audrey
    austin ava barbara beatriz becky belinda ben benjamin bernard bernice beth bethany betty
    beverly bianca bill billy blanca bob bobby bonnie brad bradley brandi brandon brandy
    brenda brent brett brian briana brianna bridget brittany brittney brooke bruce bryan
    bryant byron caitlin caleb calvin cameron camila candace carl carla carlos carmen carol
    carolina caroline carrie casey cassandra catherine cathy cecilia cedric celia cesar
    chad chandra charlene charles charlie charlotte chelsea cheryl chris christian christina
    christine christopher chuck cindy claire clara clarence claudia clifford clinton cody
    colleen connie connor cora corey cory courtney craig cristina crystal curtis
    cynthia daisy dakota dale dallas damian damon dan dana daniel daniela danielle danny
    darius darlene darnell darrell darren darryl dave david dawn dean deandre debbie deborah
    debra dee deja delia delores demetrius denise dennis derek derrick desiree destiny devin
    devon diana diane diego dolores dominic dominique don donald donna donnell donovan dora
    doris dorothy doug douglas duane dustin dwayne dwight dylan earl ebony eddie edgar
    edith eduardo edward edwin eileen elaine elena eli elias elijah elisa elizabeth ella
    ellen elsa elvira emily emma emmanuel enrique eric erica erik erika erin ernest ernesto
    esperanza esteban esther ethan eugene eva evan evelyn fabian faith fatima felicia felipe
    felix fernando flor florence frances francisco frank franklin fred freddie freddy
    gabriel gabriela gail gary gavin gene george gerald gerardo gilbert gina gladys glen
    glenda glenn gloria gordon grace graciela greg gregory guadalupe guillermo gustavo guy
    gwendolyn hailey haley hannah harold harry hazel heather hector heidi helen henry herbert
    herman hilda holly homer howard hugo ian ignacio imani irene iris irma isaac isabel
    isabella isaiah ismael ivan jack jackie jackson jacob jacqueline jada jaime jake jakob
    jalen jamal james jamie jamila jan jane janelle janet janice jared jasmine jason javier
    jay jayden jean jeanette jeff jeffery jeffrey jenna jennifer jenny jeremiah jeremy jerome
    jerry jesse jessica jessie jesus jill jim jimmy jo joan joann joanna joanne joaquin jodi
    joe joel joey john johnny jon jonathan jordan jorge jose josefina joseph josephine josh
    joshua joy joyce juan juana juanita judith judy julia julian juliana julie julio june
    justin kaitlyn kara karen kari karina karl kate katelyn katherine kathleen kathryn kathy
    katie kayla keisha keith kelly kelsey ken kendra kenneth kenny kerry kevin kiara kim
    kimberly kirk kristen kristin kristina kristy krystal kyle lacey lakisha lamar lance
    larry latasha latisha latonya latoya laura lauren laurie lawrence leah lee leon leonard
    leonardo leroy leslie leticia lewis liam lillian lily linda lindsay lindsey lisa lloyd
    logan lois lonnie lorena lorenzo lori lorraine louis louise lucas lucia lucy luis luisa
    luke luz lydia lynn mabel mackenzie madison maggie malik mandy manuel marc marcia marco
    marcos marcus margaret margarita maria mariah marian marie marilyn mario marisol marissa
    marjorie mark marlene marsha marshall martha martin marvin mary mason mateo matt matthew
    maureen maurice max maxine megan melanie melinda melissa melvin mercedes meredith
    micah michael michele michelle miguel mike mildred milton mindy miranda miriam misty
    mitchell molly monica monique morgan myra nadia nancy naomi natalie natasha nathan
    nathaniel neil nelson nestor nicholas nichole nick nicole nina noah noel nora norma
    norman olga olivia omar orlando oscar pablo paige pam pamela paola patricia patrick
    patsy patty paul paula pauline pedro peggy penny perla pete peter philip phillip
    phyllis precious priscilla quentin rachel rafael ralph ramiro ramon ramona randall randy
    raquel raul ray raymond rebecca reggie regina reginald rene renee reyna ricardo richard
    rick ricky riley rita rob robert roberta roberto robin rocio rodney rodolfo rogelio
    roger roland ron ronald ronnie rosa rosalinda rosario rose rosemary ross roxanne roy
    ruben ruby russell ruth ryan sabrina sadie sally salvador sam samantha samuel sandra
    sandy santiago santos sara sarah savannah scott sean selena sergio seth shane
    shannon shante shari sharon shaun shawn shawna sheila shelby shelly sheri sherry shirley
    sierra silvia socorro sofia sonia sonya sophia stacey stacy stanley stephanie stephen
    steve steven sue susan suzanne sydney sylvia tamara tami tamika tammy tanya tara tasha
    taylor ted teresa terrance terrell terrence terri terry thelma theodore theresa thomas
    tiffany tim timothy tina toby todd tom tommy toni tony tonya tracey traci tracy travis
    trevor tricia trina troy tyler tyrone tyson valerie vanessa vernon veronica vicki
    vicky victor victoria vincent violet virginia vivian wade walter wanda warren wayne
    wendy wesley whitney willie william wilma xavier yolanda yvette yvonne zachary
    zoe chuy lupe pepe paco pancho nacho memo beto lalo toño quique lety
    yadira xochitl guillermina refugio jazmin yesica
    dayana dashawn tyrell jamar keshawn lashonda tameka kenya
    darnell jermaine quinton tre trey bubba junior jr""",
)

# Surnames, typed for this project. Lowercase.
SURNAMES = _words(
    """smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez
    lopez gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson
    white harris sanchez clark ramirez lewis robinson walker young allen king wright scott
    torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter
    roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris
    morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard
    ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz
    hughes price alvarez castillo sanders patel myers long ross foster jimenez powell jenkins
    perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez
    simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno
    west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro
    marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas henry
    chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez
    silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd
    rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols
    stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce
    vazquez hansen peters santos hart bradley knight elliott cunningham duncan armstrong
    hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman johnston
    matthews pena richards contreras willis carpenter lawrence sandoval guerrero george
    chapman rios estrada ortega watkins greene nunez wheeler valdez harper burke larson
    santiago maldonado morrison franklin carlson austin dominguez carr lawson jacobs obrien
    lynch singh vega bishop montgomery oliver jensen harvey williamson gilbert dean sims
    espinoza howell li wong reid hanson le mccoy garrett burton fuller wang weber welch rojas
    lucas marquez fields park yang little banks padilla day walsh bowman schultz luna fowler
    mejia davidson acosta brewer may holland juarez newman pearson curtis cortez douglas
    schneider joseph barrett navarro figueroa keller avila wade molina stanley hopkins
    campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala lowe frazier
    powers neal leonard gregory carrillo sutton fleming rhodes shelton schwartz norris
    jennings watts duran walters cohen mcdaniel moran parks steele vaughn becker holt deleon
    barker terry hale leon hail benson haynes horton miles lyons pham graves bush thornton
    wolfe warner cabrera mckinney mann zimmerman dawson lara fletcher page mccarthy love
    robles cervantes solis erickson reeves chang klein salinas fuentes baldwin daniel simon
    velasquez hardy higgins aguirre lin cummings chandler sharp barber bowen ochoa dennis
    robbins liu ramsey francis griffith paul blair oconnor cardenas pacheco cross calderon
    quinn moss swanson chan rivas khan rodgers serrano fitzgerald rosales stevenson
    christensen manning gill curry mclaughlin harmon mcgee gross doyle garner newton burgess
    reese walton blake trujillo adkins brady goodman roman webster goodwin fischer huang
    potter delacruz montoya todd wu hines mullins castaneda malone cannon tate mack sherman
    hubbard hodges zhang guerra wolf valencia saunders franco rowe gallagher farmer hammond
    hampton townsend ingram wise gallegos clarke barton schroeder maxwell waters logan
    camacho strickland norman person colon parsons frank harrington glover osborne buchanan
    casey floyd patton ibarra ball tyler suarez bowers orozco salas cobb gibbs andrade
    bauer conner moody escobar mcguire lloyd mueller hartman french kramer mcbride pope
    lindsey velazquez norton mccormick sparks flynn yates hogan marsh macias villanueva
    zamora pratt stokes owen ballard lang brock villarreal charles drake barrera cain patrick
    pineda burnett mercado santana shepherd bautista ali shaffer lamb trevino mckenzie hess
    beil olsen cochran morton nash wilkins petersen briggs shah roth nicholson holloway
    lozano rangel flowers hoover short arias mora valenzuela bryan meyers weiss underwood
    bass greer summers houston carson morrow clayton whitaker decker yoder collier zuniga
    carey wilcox melendez poole roberson larsen conley davenport copeland massey lam huff
    rocha cameron jefferson hood monroe anthony pittman huynh randall singleton kirk combs
    mathis christian skinner bradford richard galvan wall boone kirby wilkinson bridges
    bruce atkinson velez meza roy vincent york hodge villa abbott allison tapia gates
    chase sosa sweeney farrell wyatt dalton horn barron phelps yu dickerson heath foley
    atkins mathews bonilla acevedo benitez zavala hensley glenn cisneros harrell shields
    rubio huffman choi boyer garrison arroyo bond kane hancock callahan dillon cline wiggins
    grimes arellano melton oneill savage ho beltran pitts parrish ponce rich booth koch
    golden ware brennan mcdowell marks cantu humphrey baxter sawyer clay tanner hutchinson
    kaur berg wiley gilmore russo villegas hobbs keith wilkerson ahmed beard mcclain
    montes mata rosario vang walter henson oneal mosley mcclure beasley stephenson snow
    huerta preston vance barry johns eaton blackwell dyer prince macdonald solomon guevara
    stafford english hurst woodard cortes shannon kemp nolan mccullough merritt murillo
    moon salgado strong kline cordova barajas roach rosas winters jacobson lester knox
    bullock kerr leach meadows davila orr whitehead pruitt kent conway mckee barr david
    dejesus marin berger mcintyre blankenship gaines palacios cuevas bartlett durham dorsey
    mccall odonnell stein browning stout lowery sloan mclean hendricks calhoun sexton
    chung gentry hull duarte ellison nielsen gillespie buck middleton sellers leblanc
    esparza hardin bradshaw mcintosh howe livingston frost glass morse knapp herman stark
    bravo noble spears weeks corona frederick buckley mcfarland hebert enriquez hickman
    quintero randolph schaefer walls trejo house reilly pennington michael conrad giles
    benjamin crosby fitzpatrick donovan mays mahoney valentine raymond medrano hahn mcmillan
    small bentley felix peck lucero boyle hanna pace rush hurley harding mcconnell bernal
    nava ayers everett ventura avery pugh mayer bender shepard mcmahon landry case sampson
    moses magana blackburn dunlap gould duffy vaughan herring mckay espinosa rivers farley
    bernard ashley friedman potts truong costa correa blevins nixon clements fry delarosa
    best benton lugo portillo dougherty crane haley phan villalobos blanchard horne finley
    quintana lynn esquivel bean dodson mullen xiong hayden cano levy huber richmond moyer
    lim frye sheppard mccarty avalos booker waller parra woodward jaramillo krueger rasmussen
    brandt peralta donaldson stuart faulkner maynard galindo coffey estes sanford burch
    maddox vo oconnell vu andersen spence mcpherson church schmitt stanton leal cherry
    compton dudley sierra pollard alfaro hester proctor lu hinton novak good madden mccann
    terrell jarvis dickson reyna cantrell mayo branch hendrix rollins rowland whitney duke
    odom daugherty travis tang archer adeyemi mensah
    tanaka yamamoto sato suzuki nowak wisniewski
    novak horvath nagy popescu ivanov petrov smirnov sharma gupta kumar
    reddy rao nair mehta desai chowdhury rahman hossain haddad khoury nasser""",
)

# Titles that introduce a person's name.
TITLES = _words(
    """dr dr. doctor mr mr. mrs mrs. ms ms. miss mx mx. sr sr. sra sra. srta don dona doña
    nurse officer ofc ofc. deputy det det. detective sgt sgt. sergeant lt lt. cpt capt
    judge pastor rev rev. reverend father fr fr. sister brother bishop minister prof
    professor coach atty attorney counselor therapist ssg spc pfc cpl sfc msg nurse
    aunt auntie uncle tia tía tio tío abuela abuelo grandma grandpa granny nana papa""",
)

# Role and relation words: the name usually comes right after ("her sponsor Linda").
RELATIONS = _words(
    """sister brother sis bro mom mother mama mum dad father papa son daughter kid kids wife
    husband partner spouse boyfriend girlfriend bf gf fiance fiancé fiancee fiancée ex
    aunt auntie uncle cousin grandma grandmother grandpa grandfather granny nana grandson
    granddaughter nephew niece stepmom stepdad stepson stepdaughter friend bestie buddy
    roommate neighbor neighbour landlord landlady boss supervisor coworker co-worker manager
    sponsor sponsee mentor therapist counselor counsellor psychiatrist doctor pcp prescriber
    nurse cm caseworker worker po officer attorney lawyer advocate pastor priest chaplain
    teacher coach tía tia tío tio prima primo hermana hermano abuela abuelo madre padre
    hija hijo esposa esposo novia novio named called aka a.k.a nicknamed name""",
)

# Words that end an organisation name ("Riverbend Recovery Center").
ORG_SUFFIXES = _words(
    """clinic clinics hospital hospitals center centre centers medical health healthcare
    services service ministries ministry church chapel cathedral temple mosque synagogue
    shelter mission house home homes foundation institute university college school
    academy elementary middle high pharmacy inc inc. llc corp corporation co company group
    associates partners network coalition alliance agency authority department dept
    court courthouse jail prison correctional penitentiary bank credit union library
    ymca ywca store market diner cafe café restaurant grill bar pub motel hotel inn lodge
    apartments towers manor village commons place plaza mall behavioral wellness recovery
    treatment counseling care living residence residences program programs project club""",
)

# Words that end a street name; an address regex also uses these.
STREET_SUFFIXES = _words(
    """street st st. avenue ave ave. road rd rd. boulevard blvd blvd. drive dr dr. lane ln
    ln. court ct ct. place pl pl. way terrace ter circle cir parkway pkwy highway hwy route
    rte trail trl square sq loop pike alley aly row crescent cres expressway expy freeway
    fwy turnpike tpke""",
)

# Words before a place name ("lives in Dayton").
PLACE_CUES = _words("in from to near at outside around toward towards into visiting across")
STRONG_PLACE_CUES = _words("lives living live moved moving staying stays born raised grew")


@lru_cache(maxsize=1 << 16)
def is_common(low: str) -> bool:
    """Whether a lowercase word is an ordinary English word, allowing for inflections."""
    if low in COMMON:
        return True
    for suffix, repl in _INFLECTIONS:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)] + repl
            if stem in COMMON:
                return True
            # Doubled consonant before -ed/-ing: "stopped" -> "stop".
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in COMMON:
                return True
    return False


_INFLECTIONS = (
    ("'s", ""),
    ("’s", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("ers", ""),
    ("est", ""),
)

# Word endings that mark a common word even when the list above does not know it; used only
# for capitalised words at the start of a sentence, where capitals say nothing.
WORDLIKE_ENDINGS = (
    "ed",
    "ing",
    "ly",
    "tion",
    "tions",
    "sion",
    "ment",
    "ments",
    "ness",
    "ity",
    "ous",
    "ive",
    "able",
    "ible",
    "ful",
    "less",
    "ize",
    "ise",
    "ance",
    "ence",
    "ship",
)
