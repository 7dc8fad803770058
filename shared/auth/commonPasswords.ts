/*
 * Passwords that are refused because they are among the first an attacker tries
 * (shared/auth/passwordPolicy.ts). Entries are lowercase; the policy lowercases, strips trailing
 * digits and symbols and undoes common letter substitutions before it looks one up.
 */

/**
 * Indonesian and local ones, written for this project: religious phrases, terms of endearment,
 * national words, places of Kalimantan Selatan and Balangan, office words and common names. A
 * name shorter than four letters is left out: after stripping digits it would refuse too much.
 */
const INDONESIAN = `
bismillah bismillahirrahmanirrahim alhamdulillah assalamualaikum subhanallah insyaallah inshaallah
astaghfirullah allahuakbar lailahaillallah masyaallah barakallah muhammad rasulullah indonesia indonesiaraya
merdeka pancasila garuda garudaindonesia nusantara bhinneka proklamasi dirgahayu sayang sayangku sayangkamu
sayangmama sayangibu sayangayah sayangbunda cinta cintaku cintakamu akusayangkamu akucintakamu aishiteru
kangen rindu selamanya setia jodoh mantan galau bahagia rahasia rahasiaku rahasiakita katasandi katakunci
sandi sandiku kuncirahasia masuk masukaja bebas ganteng cantik manis imut lucu tampan keren mantap mantul
sukses berkah barokah rezeki amanah ikhlas sabar semangat harapan impian rahmat hidayah jannah surga syurga
ramadhan lebaran jakarta bandung surabaya medan semarang makassar palembang yogyakarta jogja bekasi tangerang
depok bogor malang denpasar pontianak samarinda balikpapan banjarmasin banjarbaru martapura kalimantan kalsel
kalimantanselatan borneo banjar balangan paringin amuntai tanjung tabalong barabai kandangan rantau kotabaru
batulicin pelaihari marabahan hulusungai pemda pemkab pemkot pemprov bkpsdm bkpsdmbalangan kepegawaian
pegawai asnbalangan kantor dinas sekretariat sekretaris kabupaten kepalabadan kasubag kabid monev kinerja
laporan triwulan papansop operator administrator adminadmin superadmin keluarga anakku mamah mamaku papah
papaku ibuku bapak ayahku bunda bundaku kucing kucingku anjing bintang matahari pelangi senja bulan langit
samudra lautan persib persija arema persebaya barito baritoputera timnas garudamuda doraemon naruto onepiece
bambang joko jokowi prabowo soekarno putri dewi siti agus budi rudi andi wahyu rizky fajar dimas indah kartika
kurnia yusuf ibrahim nurhaliza aisyah fatimah zahra hidayat hasan husein ridwan nugraha pratama saputra kopi
kopisusu indomie nasigoreng rendang bakso martabak sambal selamatpagi selamatdatang terimakasih satuduatiga
asdfghjkl qwertyuiop senin selasa rabu kamis jumat sabtu minggu januari februari maret april juni juli
agustus september oktober november desember
`

/**
 * The first 10,000 of `passwords.json` in @zxcvbn-ts/language-common 4.1.3 (MIT, © Dan Wheeler,
 * Dropbox and @zxcvbn-ts; ordered by frequency in public password leaks), keeping only the
 * 9,229 that can decide anything here: eight characters or more, or four or more ending in a
 * letter (the base that remains of "dragon2024" once its trailing digits are stripped).
 * Shorter entries are refused by length already. Kept verbatim, rude words included.
 */
const LEAKED = `
password 12345678 qwerty 123456789 dragon baseball football monkey letmein shadow master michael mustang
qwertyuiop 1234567890 pussy superman 1qaz2wsx fuckyou jordan qazwsx jennifer 123qwe killer trustno1 hunter
harley zxcvbnm asdfgh buster andrew batman soccer tigger charlie robert sunshine thomas iloveyou fuckme ranger
daniel hockey george computer michelle jessica starwars asshole pepper klaster zxcvbn freedom princess joshua
maggie pass ginger 11111111 fuck amanda ashley love cheese nicole summer matthew chelsea dallas biteme matrix
william yankees taylor corvette austin access martin heather thunder merlin secret diamond hello anthony
hammer fucker 1234qwer silver gfhjkm justin patrick richard bailey internet samantha golfer scooter test
orange cookie q1w2e3r4t5 maverick jackson sparky mickey phoenix bigdog snoopy guitar whatever chicken morgan
andrea camaro mercedes peanut ferrari cowboy falcon welcome samsung sexy steelers joseph smokey dakota melissa
arsenal boomer eagles tigers marina nascar booboo gateway porsche yellow monster spider diablo hannah bulldog
junior london purple compaq lakers iceman qwer1234 hardcore cowboys money banana boston brandon tennis johnny
miller q1w2e3r4 coffee scooby edward nikita mother yamaha brandy barney chester fuckoff oliver charles player
knight forever steven rangers midnight chicago bigdaddy redsox victoria badboy angel please fender chris
jasper james slayer rabbit natasha rachel bigdick marine wizard marlboro raiders prince casper fishing flower
crystal jasmine panties iwantu adidas winner winter gandalf password1 enter ghbdtn 1q2w3e4r angela mike golden
lauren cocacola jordan23 winston madison angels blowme panther sexsex bigtits spanky bitch shannon sophie
johnson asdfasdf david horny toyota tiger murphy dick canada danielle 12344321 blowjob jonathan liverpoo
muffin cooper apples jackie dennis black qwerty123 passw0rd john abcd1234 sandra pokemon 123abc slipknot
carlos qazxsw 123456a scorpion qwaszx nathan butter startrek rainbow asdfghjkl razz redskins newyork gemini
cameron qazwsxedc florida liverpool turtle nicholas viking booger wilson sierra butthead doctor rocket victor
dolphins captain bandit jaguar packers pookie peaches asdf blue dolphin helpme tucker theman tiffany maxwell
jeremy qwertyui shithead debbie albert maddog lovers monica alex united giants nirvana metallic hotdog rosebud
mountain benjamin warrior stupid elephant suckit success jackass bonnie alexis porn lucky jason scorpio samson
rush2112 azerty freddy driver willie calvin 1q2w3e4r5t sydney gators dexter 12345a 123456q bubba creative golf
voodoo happy arthur trouble america nissan gunner rebecca stella garfield gordon jessie bullshit parker
asdfghjk fucking apollo jack 1qazxsw2 eminem december legend airborne beavis august bear apple brooklyn
godzilla skippy buddy 4815162342 qwert kitten magic shelby beaver phantom fred nothing asdasd williams xavier
braves darkness blink182 travis copper tomcat platinum qweqwe girls 01012011 bigboy green power animal police
11223344 online voyager lifehack 12qwaszx fish sniper trinity walter blazer heaven lover snowball playboy
bubbles loveme hooters cricket marvin willow donkey topgun nintendo saturn family november gabriel destiny
pakistan pumpkin digital sergey chance explorer redwings private therock runner tits 789456123 lasvegas
guinness beatles fire cassie christin asdf1234 celtic broncos andrey babygirl nelson donald scott eclipse
cartman fluffy louise michigan testing carolina little samuel alexande birdie steve cherry pantera sharon
gibson vampire mexico dickhead peter buffalo montana genius beer flyers maximus school minecraft lovely
stalker metallica doggie carter kristina kimberly spencer speedy barbara snickers sabrina carmen marcus bronco
yankee friends paradise dreams magnum horses cool caroline 147258369 lacrosse goober member qwertyu enigma
scotty pimpin bollocks brian cock surfer sammy genesis poohbear dave star qweasdzxc baby racing friend hawaii
billy viper october vanessa poopoo einstein boobies stanley 12345q walker bitches paul drowssap stephen
courtney simple alaska badger action jake bill denise jester spitfire drummer forest patricia maryjane
champion diesel svetlana rock friday kevin mark gregory pamela frank hotrod chevy anderson douglas westside
security google badass shorty tester thumper hitman mozart general reddog boobs zaq12wsx music lizard
alexander melanie ruslan 123456789a vincent eagle 1232323q sweet teresa scarface qwerty12 marshall olivia
veronica porno buddha spirit frankie stargate antonio liberty natalie mercury naruto 12345qwert suzuki
semperfi king popcorn spooky marley system brittany claudia kelly scotland free kitty cherokee vikings
simpsons death leslie rascal qweasd jimmy loveyou hummer michael1 allison rocky patches russia adrian jupiter
penguin cumshot howard passion honda vfhbyf andre vladimir franklin sandman infinity homer bastard raider
passport assman sucker fantasy bulldogs 1234554321 horney domino budlight ironman disney norman usuckballz1
softball bishop francis brutus ford redrum brooke bigred jeffrey jesus fktrcfylh karina marines kawasaki
digger ireland oksana fireman cougar college shit alicia russell houston monday bradley cunt sarah nigger
justice super wildcats tinker duncan dancer logitech avalon swordfis everton reggie motorola alexandr molly
timothy hentai claire patriots madonna colorado eugene ducati kermit juventus indian connor galore freeuser
smooth house titanic boogie simpson warcraft wolverin elizabet arizona saints valentin georgia asdfg accord
matt baxter denver mitchell christ password123 yfnfif slut smith stinky zachary roland naughty ncc1701d
spiderma chopper brenda hello123 extreme virginia water skyline poop zombie pearljam froggy pirate fylhtq
vision 123qweasd awesome alyssa dreamer predator bullet empire wolf charlie1 kirill 123123a people penis elvis
panthers skipper nemesis peekaboo simon alison rolltide american cardinal arnold chevelle daddy psycho danger
mookie wanker manutd tommy hobbes vegeta goblue burton fyfcnfcbz picard bobby windows loverboy lovelove vfrcbv
victory 123654789 bambam turkey serega tweety hiphop galina changeme rooster polina berlin suckme taurus
electric ronald avatar mine raptor maksim spring brazil eric bigcock newport hard kenneth hendrix madmax
england alpha sublime britney france darkside bigman hercules lawrence wolfpack classic letmein1 lincoln
ronaldo 741852963 spiderman 1q2w3e blizzard cheyenne 123456789q wombat cjkysirj raymond brother kristen
pandora devils simone holiday wildcat horse kramer 147852369 sterling caesar alabama carrie bondage basketball
sports pussycat pickle leather shaggy a1b2c3d4 chronic flowers robbie admin gracie amber freepass airplane
perfect kodiak billybob katana sunset crazy good stingray maria anna snowman phpbb chocolat zeppelin garcia
detroit wolves pontiac candy firebird vagina gundam panzer outlaw time pretty fisher connie honey business
trevor redhead hardon greenday tarheels 01011980 nastya hellfire cobra engineer savage service serenity sasha
michele dude lickme fireball 1029384756 white remember darkstar miranda flash mustang1 harvey oscar strike
freddie pavilion beauty bobafett 01012000 adam dbrnjhbz jeff bigmac duke clinton bowling jenny natali future
harrison jones wallace welcome1 swimming apache rulez pyramid dodgers girl whynot fuckit defender teens morris
trooper cancer precious packard lucifer popeye weasel raven icecream stewart tanner swordfish blonde sandy
presario rockstar viktor manager cheryl norton control wutang airforce julian atlanta pimp spike thailand
looking casino 21122112 paris mouse lennon bluebird theone hawkeye hacker lisa dustin elaine nfnmzyf sailor
catfish goldfish maxima tattoo barbie light design pervert machine herman wrangler rocks trucks nipples roscoe
tornado jerry lights bubble cadillac madman orlando pegasus target longhorn laura philip browns eatme stefan
cannon dilbert baller microsoft winnie christia katie qazwsx123 shooter xfiles qazqaz lesbian street seattle
corona amateur cthutq prelude beach malibu freaky assassin integra atlantis 123qweasdzxc pussies dragons
iloveu unicorn lonewolf regina stealth kristin tony peewee openup bobcat stacey software newton leonardo
student srinivas angelina young enjoy valentina trigger zaqwsx lolita athena shotgun coyote bruins veronika
dollar country joker babydoll lestat wordpass hottie smiley potter random sweety butterfly woody chipper snake
samurai video gizmo maddie devildog valerie mistress flipper freedom1 express powers soso123aljg cessna
teacher goldie moose polaris piglet cookies elena montreal hjvfirf ladies wolfgang fatboy scully father single
wicked daisy fetish foobar castle tickle bunny pepsi balls transam dfvgbh 31415926 impala sunday booty
hotstuff ronnie jasmin ryan gambit toshiba basketba lancer birthday texas stephani jessica1 hooker knicks
roberto stinger testtest fuckyou2 kathleen savannah shamrock benson squirt deftones trucker nick redneck
goldberg alfred blaster siemens shelly renegade manson subaru ibanez blondie hamilton casey swinger reaper
cristina minnie mylove harry galaxy lindsay dudley farmer gloria special blahblah enterpri 1234abcd travel
babylon5 bigone sweetpea sugar smoke skeeter fucked indiana great ficken trfnthbyf freeman curtis smitty
marino joanne bigfoot escort babes check larisa trumpet tristan spartan babylon asdfghj sister valera stormy
paladin andreas cavalier marathon hamlet aardvark butterfl bigboobs mister manchester yankees1 rusty napoleon
seven indigo hornet skater jerome pierre wonder toronto rose indians karate buckeyes 01011990 julie hesoyam
fredfred charger highland sweetie holland 1qaz2wsx3edc chiefs diamonds buckeye aurora hotsex campbell griffin
brandi redman passwor chandler drpepper monika maiden elizabeth leonard bernie brown pornstar garden storm
autumn 12345678910 linda thuglife millie jungle pencil tomtom insane pizza timber sherlock mariah audrey
1a2b3c hamster aragorn pioneer techno catdog lollol triumph sidney fktrctq none sophia morpheus island
wetpussy hobbit blabla erotic aaron pascal sampson consumer justme marion stones chrissy tyler nadine marie
goforit burger pitbull kelsey adgjmptw spartak german karen kissme hunting kaiser martha colors artist harold
bass italia sammie barcelona mario nicolas virgin pebbles sundance isabella overlord emerald callie doggy
irina racecar isabelle germany goddess change wesley nipple basket joejoe holly poison zipper alpine shirley
element huskers marcel eddie danny christy pussys sakura chichi inside ultimate dirty nicola ncc1701e blackie
omega watson rommel matthew1 geronimo nikki caserta trojan 123qwe123 philips sergio nugget tarzan bassman
warren trixie chicks aleksandr cream webster help sherry manuel portugal dodger anakin bobbob bomber michel
madness superfly q1w2e3r4t5y6 loser 123asd florence yvonne fatcat global ybrbnf energy desire wrinkle1 soldier
bianca sexual warlock martina babe 11235813 51505150 andrei larry seminole peace alejandr westham concrete
access14 harris margaret hector christop naked ladybug letmein2 network bernard weed tintin qazxswedc trombone
chuck pleasure rhbcnbyf home history bluesky sherman logan january onelove cotton christian cdtnkfyf sunny
archie holden whore brianna vfvjxrf titans stallion lindsey singer truck smile party missy hansolo angelo
joanna natalia beagle phillip panama smiles juice qawsed inferno moon mongoose connect kingkong snatch flatron
sex4me bluemoon turbo rocker personal emily blessed snakes dominic joey forget finger beetle jamaica alberto
a1234567 mulder fuckyou1 jamie susan immortal head passat plastic 123454321 dietcoke spunky suck long anthony1
whiskey monitor giovanni cactus ripper spyder markus planet teen patton exigen sticky waters sluts nolimit
daniela hollywoo abigail morrison katrina trunks andy assass always diana deedee 14789632 clifford april speed
japan mission pickles million sailing freak holmes bonehead fernando ghbdtnbr charlott delta yomama darren
rubber newman 1123581321 faster cumming bertha memphis sylvia open ilovesex maurice william1 hongkong olga
jumper unreal geheim rodney nylons sebastia pentium legion shalom kennedy brooks movie dodge dream graham
sprite curious pacific loulou funtime philly ferret niners orion werewolf milton cantona kingdom stars africa
office boeing gilbert abgrtyu pirates super123 sheila french sweets cooldude palmer eternity lollipop tottenha
stocking monique anything foster irish jackoff biscuit drizzt camera columbia fossil moomoo makaveli tracey
robinson isabel martini salmon shasta jersey verbatim maniac snapper satan666 nasty solomon patriot jacob
standard shaved blackcat asdzxc punkrock raistlin infantry qwerty12345 dillon gerald twister ricardo waterloo
cjkywt clayton crimson serena 01012010 oxford maxmax denis flight condor seinfeld silvia biggie maxine
musicman ravens teddy colleen bruce wolfman sharks megadeth cosmos velvet butt keeper foxtrot garrett damien
anton sesame skywalke gn56gn56 banshee cats squirrel wolverine dogs sunrise rick ghost western grendel sucks
roxanne privet legolas frog felix marlin stone herbert lvbnhbq qazwsxed carrot blades frosty stardust helena
brownie groovy penny butler coolio twilight daytona licker peanuts intrepid pikachu trains mollie vanhalen
jericho hershey strider lobster punisher grace bird bottom ninja 1234567a murray kansas shogun goblin search
neptune ball showtime darwin amadeus suzanne fuckfuck 111222333 oldman bruno showme henry getsome muscle
obiwan support rfrfirf skittles ekaterina gold whitney shark maestro anal danni tanker english tarheel fighter
thanks hannibal capital newlife anubis gothic chaos blues cindy sabine thunder1 roman preston princes brendan
slick 123456z evelyn python richie tequila boss cody devil chelsea1 clover delete mirage blood surfing
1q2w3e4r5t6y bentley portland potato baggins review porter chubby panasonic sandiego sooners buffy buck tina
derrick penelope blackdog harmony fusion dima mature malcolm allen mary buttons 1a2b3c4d californ safety
playtime dagger moscow swallow warriors byteme stimpy gangster lucas christine turner iverson lester chargers
liquid mushroom cracker dingdong misty nymets robin bigguy mobile tazman greg nimrod newpass miami crusader
bugger stranger dkflbvbh anastasia marco volume masters monroe miguel doodle collins powder archer gotcha
battle dublin slapshot guardian 147896325 janice charly septembe photos knights short angelica nookie milano
scarlett stuart damian grizzly 123321123 camille scruffy brasil latino kittycat poopie munchkin lorenzo
rammstein 1passwor bananas barcelon santiago thegame hell world gerard picasso walnut kolobok blackman wisdom
trance starcraft parrot quality blade pink auburn goodluck eatshit dorothy dusty engine coltrane gorilla
wheels katerina tamara postal fuck_inside luther carlo cassidy discover oakland spanking osiris dumbass
shaney14 192837465 lonestar ping bridge bingo bender annie stonecol dookie meridian sally megaman heather1
25802580 racerx rjntyjr sirius firefly richard1 julia alexandra madrid terry griffey women phoebe zaq1xsw2
weezer beautiful violet ledzep lowrider randy gangsta ghjcnj paradox tacobell 123698745 loving catalina
vertigo halflife carson sergei shiloh johnjohn sobaka buffett aliens sadie chucky bonjour kangaroo jazz josh
thompson sinner socrates keyboard stevie jeep trebor finish dark luke sprint shazam lady national celica
scarlet formula1 hoover sommer frances hotboy cynthia qwerasdf 12369874 penguins bond formula rebels fuckface
elwood melvin vacation kiss ragnarok bollox lexmark asshole1 mailcreated5240 lorraine claude rockon duck
dodgeram tacoma romeo wookie prodigy tempest vfhecz flames sebastian colombia bang kitkat oblivion mystery
sithlord server molson mustangs incubus smoker 123qaz window scoobydo rescue bigballs zxcv1234 carpet titleist
richmond director lawyer megan juan magnolia celeste melinda lucy wright jimbob golfing kenny roger bobbie
xanadu tardis blueeyes hearts dixie pooper shaman mersedes 12312312 springer imagine janine patrick1 kenwood
123zxc dogg garbage martinez topper cowboys1 roberts lizzie ashton elliott oracle sheena chloe nuttertools
mallard 1122334455 analsex shemale gateway1 mikey asterix faith monkeys imperial jimbo cooler grateful gillian
peterpan kingston yourmom sleepy gremlin printer hudson pa55word stud freckles birdman aussie esther defiant
margarita deadhead polo anime tatyana jackal frogger bridget wayne research tobias mariners rootbeer blondes
donnie katrin weather aspirine frederic parola photo children account israel stephanie shaolin noodles celine
willy willis forgot scooter1 hallo mandy 11112222 rogers palace santos ohyeah magnus laurie creampie amazon
kisses queen ludwig fatass plymouth justdoit assfuck nellie 1234567q putter broken nopass letsgo bryan bones
tatiana camel champs lightnin massive camelot bosco deanna gizmodo spidey caliente aezakmi goodtime mypass
roller catherin active pooh payton lonely redalert brucelee smokin porkchop astros aquarius raiders1 thankyou
atomic fletcher shopping a1s2d3f4 mason marian vanilla unknown sapphire temple qwert123 marvel beckham
qazwsxedcrfv kaktus myself sooner blacky hastings blackjac aggies scream picture 123321q judith iforgot kasper
cxfcnmt bangkok 01012001 shitty spectrum eduard vader jammer painter primus veritas ernest kristi chevrole
amsterdam slappy valley pete hitler clancy spankme granny avenger satan diamond1 rosemary husker candyman
beatrice scrappy simba falcons dylan front242 harder atlantic labrador 123456qwerty smudge syracuse southern
melody timmy elijah center darling throat stuff fatman krishna sanchez pancho gator pacman commando vulcan
bush clitoris lemons alice 8j4ye3uz boner keith odessa barkley monopoly method kelley sara punkin pineappl
celtics lesbians space gangbang bennett lick flyboy hamburg asian carol spartans tricky romashka 123456aa
snuggles phoenix1 boat infiniti anders billie life drago blake hermes jesse goose jeremiah vivian annette
homerun dead forrest carolyn 1234567890q topcat hayden cosworth vectra grover goodbye charlotte cuddles
bossman horndog doberman gary telefon dawg qawsedrf ivanov durango peugeot franco kyle plumber bell rbhbkk
pauline exigent brandon1 laguna emmanuel webmaster bowler leopard strong theking redbull alan pics beast
viktoria porsche9 breeze topdog starbuck dance dalton fuckers hungry beefcake reality gjkbyf speaker shelley
godsmack clarence writer loveit kingpin nokia valhalla night starfish anarchy herbie blacks content sailboat
desert fitness brando bohica achilles tractor ncc1701a drake bull hidden kicker arsenal1 labtec napass bart
pa55w0rd amelia tuesday frontier swingers caitlin muppet terror legacy farside terminator bella matilda
kentucky jackson1 doughboy ramona butthole phillies jrcfyf camels dannyboy oakley nebraska latin double
qwertyuio sabbath chang pinkfloy homers striker looker fallen maryland luckydog azamat september iguana
oklahoma moloko qwerty123456 agent007 vfrcbvrf javier vette daniil command rhonda studio pistol miles skiing
franky stoner conrad select tanya houses boris puppy elliot charmed vladik nathalie whocares maynard vkontakte
ihateyou puppies zidane eileen dilligaf crash mandingo moneys tyrone funny nevada kotenok mystic california
budman church carlton rafael technics bone stick golfball rookie panda laptop today 01011991 jennie triton
river trojans bunghole zvezda 15426378 hurrican central stripper dale filter jethro snow gustav ivan escape
hawk igor aberdeen shane lespaul rfnthbyf enterprise butch dthjybrf cutter splash handsome oilers randall cash
nofear cupcake excalibu momoney gbpltw bigger belinda svetik possum metal moocow brothers bethany keystone
babyboy flamingo firefox bogdan ccbill passwort soleil lancelot melissa1 vipers marilyn tdutybq juliet leader
madden russian australia sabina chase coolman babies skinny zaphod kamikaze verona bacon noodle rebel doobie
designer deadman attack vortex killme dogman pokemon1 gopher somethin danila reagan apollo13 cancel torres
freaks azsxdc sassy donna dracula play poncho bearbear boots engage deskjet bradford hammers deeznuts
warhammer rangers1 tight justine ralph fabian lewis blueblue marissa oregon bubbas sinatra hilton meatball
mailman dawson columbus manchest cthulhu macdaddy mighty michaela grandma ready sterlin cartoon summit
123456789z sentinel tolkien bicycle blow beverly breast lickit kathy meghan universe capone jenna julius wendy
bryant truelove helen 123456k nancy eatpussy hailey chair bowser kathryn sexygirl fernand eleven rockets
billyboy military demon davis jamesbon iloveyo traffic saint redhot microsof sonic miracle microlab gofish
pantyhos pilot lifetime rugby mayday aikido nina 01011985 conner cutlass tree thekid gordon24 theodore titties
sweden function polska danie gang 73501505 market scotch lansing elvira bloody sexx hustler anfield coke smut
catman rush bonita tracy sony fast 1234qwe passwor1 cheers tinman airbus peters china azsxdcfv santana hayley
station gabrie scottie orioles 01011970 charlton saun fortuna dfkthbz rustam warlord retard fatima ultima kong
bigmoney 4runner rotten betty grumpy oranges superstar fordf150 asdfjkl boxing xtreme denali selena zxcasd
huskies terminal wilbur kristy wildfire vladislav bikini thor hollywood mayhem sultan gretchen figaro sixers
sparta saratoga 321654987 running 01011981 models mojo greenbay cancun marlene trinidad tammy chewie hope feet
crunch bigbird mellon chicken1 bigtime fashion piccolo fabie rjirfrgbde rovers meatloaf hyperion sandro
rightnow jarhead armani treasure miriam hansen natural 01011986 lisalisa sport bizkit chester1 jasmine1
maradona sayang charli rfhbyf utopia anaconda japanese camilla coconut govols emerson memory catherine jedi
cosmo cruise giant ricky dragoon woofwoof giorgi packer pass1234 poontang illini christopher davids zaqxsw
pedro sticks revenge exodus reebok chanel albatros cabbage goku wally beaner quincy greens tomato toby chief
richards turkey50 adriana kenworth happy123 deborah down cooter dinosaur holyshit eeyore movies dana lionking
creamy adult poodle tsunami happyday knopka bogart corrado volley chickens orgasm whisper flying first
chocolate walleye hopper sean twisted chaser memorex ericsson jensen positive crazybab science frisco dong
jose zorro romance sherwood shania rereirf sausage milana tasha vfvekz profit zenith fugazi junebug clemson
polniypizdec0211 tootsie fktrcfylhf comics zxcasdqwe vfczyz werner aspire hardrock condom cocks rachael gringo
anhyeuem madeline rich becky canon february alien abc12345 harper stocks marcos samsung1 clapton roberta
coleman applepie skywalker fubar theresa koshka tundra vitalik arjay gmoney bigsexy ingrid pillow gandalf1
fingers samiam dean davidson skorpion candle nobody hellyeah better australi drew rockhard boob easy bears
sparkle johanna everest rfrnec hedgehog 13243546 wolfie surf fart yosemite marisa voyeur baddog brad jazzman
dicks tool temp cheetah 1qa2ws3ed slacker steele mikemike wood pooppoop america1 barsik valeria deniska br0d3r
fright karolina kirsten vfksirf kume kenshin bootie cyclone starship monty balloon maxell dildo rupert
0.0.0.000 milena bonsai lion salvador greatone vernon 50cent slider lillian admiral cecilia stolen albion boys
midget fuckin freeporn nikola hithere football1 78945612 damnit dinamo francois cheng calico duchess scratch
powell packers1 stefano fortune nyjets artemis robotech roadkill backdoor rastaman fiesta felicia alliance
fletch jerkoff killbill goliath cinnamon rambler malaka tekken sojdlg123aljg 18436572 963852741 carrera
bangbang jeanette marc fritz ramses operator shado duster spank wibble alibaba mechanic keywest sword amsterda
bristol pingpong rasputin marianne hooter tara rctybz sanders faggot krista presto majestic nguyen fowler
passwords buttman spurs carl pompey trident viagra kipper kingfish zxcvbnm1 gotohell angie guest garage heidi
mattie slutty isaiah steeler wrestlin pooter divine emma clipper charley macross railroad lineage2 oleg seamus
swimmer jokers thursday chico a123456789 solnce erik kimber guiness pussie mathew nature matador sparks
typhoon hank retired subway slave ivanova ghetto florian vermont tang ktyjxrf lolipop spears yzerman peterson
magick phillips cinder nwo4life shearer pupsik charles1 dfkthf allsop city grapes 123123q pippen belle chad
venus kcj9wx5n dammit barry caveman critter underdog r2d2c3po skydive renault onlyme murder snoopdog jayhawk
hotshot caramel broadway kinky theboss fuckher train trout ding umbrella feather credit splinter depeche
seeker fuckthis respect crysis direct animals chemical cyclops 123789456 chivas jamesbond blackhaw passpass
sinclair team megapass beanie translator helloo magicman cunts phil fishes supersta giuseppe caligula kill
shannon1 juggalo frozen quattro usmc meredith java wassup rosie bullseye saturday pornos cohiba floppy alucard
deacon heart tabitha kristine tunafish gfhjkm123 dkflbckfd kickass p0015123 12131415 vietnam kendall pearl
safari gonzo crawford klingon rain looser goalie damage maureen west dawn tazmania cigars facial deepthroat
malina silence samara dfktynbyf fang cruiser vector tommyboy jean banker horizon chainsaw button bigbear
forfun abraham 123456r astrid carole andres sharky royals christina small misfit work yousuck louis fallout
marino13 scania maxx nudist getmoney budweise qazwsx12 song believe brighton absolut kungfu kostya monaco
gunners vfhufhbnf mamapapa minime blueboy penthous chrisbln steph whitey europa jade bertie daphne groucho
champ benny grant mirror village trader stroke walrus susanne number sabres nipper woman floyd snowboar
undertaker flounder moneyman patty bottle kahuna canadian viewsonic coolguy rules downtown wagner strange
fabric trisha italian ybrjkfq cypress 01011989 qwerty1234 eastside sneakers passme topher golfgolf barber
sinbad frodo panasoni craig alfa mybaby skidoo chicago1 massimo back jillian sparrow senior dalejr thecat
snapple mondeo leanne emmitt thanatos ghjcnjnfr maximum smegma thesims whitesox chong bonkers poseidon musica
doug johannes gargoyle olivier hambone bluedog intruder sunnyday cyber compute kids smelly spawn wapbbs answer
studly poppy paper ferrari1 simona solution madison1 newcastl adonis goodman sexxxx europe goldstar again
quantum buckshot static dollars 01011988 titanium erica danzig jabroni library journey beastie chrono dang
edwards jane test1234 gunnar federico korn custom lance 1qwerty assholes daewoo jess briana watcher superman1
albina sunflowe dorian babyblue premier staples nike stereo westwood apple123 usnavy boomboom fresh florida1
sasuke dharma pisces motherlode multiplelo hang bike sapper scanner marius zeus racer callaway user bayern
rover lamont rivers snoop over walmart micheal starfire theend steel erotica aaliyah doogie renee paintbal
winston1 paint 123qwerty tyson newbie knickers lokomotiv hotred ufkbyf panther1 laurel shawn 12345z wasser
jessic thirteen rjycnfynby avalanch outkast truman magpie scout philippe poetry havefun michell cubbies losers
hotpussy deejay fghtkm droopy blossom allmine 01011984 zerocool janet tomorrow godfather abby greece second
reading greene sascha busted ming bimmer original ocean anne builder demons nitram pudding bounce donuts
01011987 fucku newyork1 jeanne idontknow aleksey vfvfgfgf leonid smokes mylife beerbeer sims redfish working
rodman beaches 1x2zkg8w hairy contact start luis bogey prissy 123456s gegcbr tights insert carla dante beretta
francesc jewels searay padres celeron mittens quartz ziggy diehard micron syncmaster cornell christie stunner
rtyuehe hoosier zxasqw12 peyton paintball bing monalisa queens terrapin spongebob buzz attitude backup whisky
clevelan ling cedric marin barefoot artur chuckles barrett meathead bigass titty gretzky 02071986 kosmos
cfitymrf biggles cambiami 12345678q 03082006 thongs blessing what aleksandra twinkle gladiator gollum
southpark rabota mazafaka goodboy carbon scuba tango stoney brent weaver will volvo footbal pianoman gaston
casanova traveler clark stumpy hawkeyes clarinet looney mommy maggot felipe bucket eduardo freeze sound
sexyman johnboy dian snapon deeznutz warthog vegas rooney futbol filthy steam carina 10203040 123aaa mustard
boricua meowmeow maste mellow sunshin bengals combat goofy whatsup sauron krystal alina monster1 prophet loco
lovesex twins triangle booker reefer nickel venice xander strip valencia 01011910 lord rhiannon crystal1
smeghead valeri andromeda 12qwas 12345679 diver cerberus james007 sputnik groove lambert usarmy more tiberius
zigzag sting bean welder radio petra focus gabriell candice salamander eternal motley resident hayabusa marcia
rambo together rainman poochie purdue redwood ripple buzzard wang redwing boobie juliette monke hokies phish
1q2w3e4r5 crjhgbjy jagger nokia6300 rockford shou tuan goldwing brewster bermuda zero thegreat proxy confused
badgirl lola bacardi derek whiskers spaceman starman rebecca1 trial karma claudio 12qw34er allstar carolin
gesperrt lynn swords rasta wildman nikolay kang slinky wrestling mohammed pinhead hacked sersolution overkill
rhfcjnrf mishka montgom240 banane bulldog1 person public fester something 12345qwe lions helmet ripken frisky
changed games higgins trapper piper windsor supreme kaylee athens norway runescape oasis jill hurley lightning
dbrnjh shun chun 14725836 19411945 darius chip hill midway kool hoosiers vinnie recovery cicero napster lionel
amazing tracker laser 01011992 adrienne roadking menace secure stoned thedog sacred squash nice smoking pony
feng illusion 01091989 woohoo medicine antoine leavemealone bagira megatron orchid reader comet clown zippy
company doghouse stacy wild army maxim 12345678a paula bravo buddah jaybird chuckie look morning dino peach
todd hanna chuang mortgage idiot heineken saleen rulezzz fishing1 massage sonics moonlight butts motherfucker
02071982 pobeda benfica poker kashmir realmadrid balloons optimus chunky tinkerbell chou shai 135792468 common
starter brewer babyface pants gregor dogfood hardcock deluxe bigmike 01011975 blackbir bookworm hampton
jeffery salomon godfathe meister angus intel seahawks talisman blackjack eraser collin pissing hawaiian zhong
mian michae berger alphabet tricia beautifu misha maryann 123456654321 adams jenn riley really mortimer tongue
century sancho remote darkman buddie roadrunn pizzas lexus password2 medusa health stalin toledo cubswin dutch
lilly beowulf charlene willia christmas pool handyman f**k pacers unique eleanor digital1 clouds tiffany1
cgfhnfr breasts chinook just4me nuts 01011993 wedding calgary dutchess heckfy ludmila gong 12301230 nova shell
lori site because cheater famous delphi cathy wareagle martine gromit sponge ashlee valkyrie yoda glory passwd
idontkno smiths mohamed teddybea killers boxster five dragonball babybaby mermaid satana dolphin1 bhbirf
foryou qazzaq hong puddin chao shang zhei quan inuyasha stanford peacock assword misery desiree barnes
sullivan beamer diggler medical 1pussy wishbone circle property ripley thedude cloud fisting alexia beemer
jayden gameover redline venera salsero fuckoff1 lust fytxrf sergi kittykat spanish sinister india vedder
gonavy manowar 02021987 novell lang colonel rancid diao dragon12 chrome friendly aa123456 destroy titten
electra polly geoffrey newpass6 eureka onetime phone katherine otto lakota claymore hotbox asia banner madina
02011985 manuela bitchass ruby sporting bartman matthews checkers playing 01011977 02041986 carmel gabriela
dfcbkbq nimbus wrestle bulls 02081988 jktymrf alexalex preacher gamecube 02051986 mustafa svoboda 123321a
circus armagedon alenka playstation z1x2c3v4 leng qing cong zheng 02091987 12011987 magical park claudi
rhtdtlrj pablo thumbs camper doitnow goaway subzero charity hootie face pissoff jammin beth blackout crow
darrell cocaine bcfields skylar rolling loaded milkman lotus davide bigbutt electron johann devil666 12345t
cheeks skate silverad lighter 02021988 hassan 02031986 pothead gobucks 123456qw squall thunderb 02101985
courage pippin ghostrider antoni kaitlyn neng peng miao teng xuan xiao reynolds cannabis xerxes ipswich ninjas
mango farley lucille pinky jimmie nude dieter annika mitch southpar marika jackson5 dickie jetski finance
tdutybz dianne forward jenkins bright absolute bilbo musashi ferris iamgod lipstick 1234567890a laurence
02061985 02011987 mandarin baseball1 quest tottenham adults yfnfkmz kleopatra tulips nong piao ruan zhuang
chai dirtbike 1357924680 sheba pickup dwayne othello mari katherin forum sonny rider warner northern cinema
cameltoe petrov bluefish fuzzy pheonix iscool secrets 02021986 elite toon modena bert marsha slippery kissing
caravan divorce tank beatle jump akira sanfran 01011983 1qaz2ws cheech badman 02091986 samtron paloma yang
dolores sveta qweasd123 shadows mollydog annabell starcraf ghblehjr vasilisa jameson chuai deng qiao zhou zhun
jiang luan sang ying scorpio1 beans slim illinois warning ebony meat jockey deadpool hillary bearcat caprice
farscape evan bigtit lassie zappa sander nicol sunflower hopeless sheriff carpedie bank asdfzxcv sherri march
barton shepherd 02021984 gatorade keegan high cameron1 toolman barker spectre pussey nuggets borussia mantis
01011982 banzai ariana flexible mullet graphics fyutkbyf 123qq123 mancity templar stories yfcntymrf 02081984
02081987 fergie records thedoors 7ugd5hip2j gawker pussyman skyler elizaveta colton huai seng xiang zhuai guai
02061986 solo moritz monte lemon strength talon rhino susana sonoma three mack spinner allan keller webmaste
grease augustus raquel alejandro chimera rufus stretch ticket bacchus kendra twenty corsair kinder argentina
corleone zhai spice vampires domain iomega heater 02031984 02021985 hover ltybcrf artemka xxxpass qiong ting
hippie jing reng tian tong 21031988 987456321 poland deutsch babylove becker speedo brett oceans slapper
letter harvard bonjovi mazda virtual cosmic leon snuffy blaze sergeant dragonba stonecold hellos jacques
register buttercu 01020304 huang 01011999 millions millwall patience chrysler merlot bullfrog latinas
a12345678 02011986 istanbul phoeni ashleigh 02081989 kotaku universal noelle binladen artem shanghai porsche1
castro gabriel1 ceng chuo jiong xiong shei meng hans wraith pierce jayhawks kilroy amateurs dotcom cattle
daemon ntktajy barbados renata thoma balance chan nomore pdtplf canyon kayla jackpot mets pulsar baron marker
chippy nightmare monarch hamish aubrey reds knockers dipshit alexey malone athlon hubert chevrolet vadim
everett napoli myname belly cobalt counter dialog augusta smokie cristian coolness cougars screen 02041984
criminal hardware ramones bobdylan ning capslock 02061989 rong zaraza ciccio teddybear alisha gfhjkmgfhjkm
chui liang pian niao gadget shiner laurent fulham missouri carlitos dwight helene halifax dogshit entropy
coldbeer silent lost silly netscape boom edgar county deep freeway syzygy andromed game media wings brigitte
yeahbaby diego yolanda eldorado hollow crack eastwood monkey12 gunther paranoid anita sexyboy rainbow6
soulmate gooner drunk persik lesley geneva 9293709b13 microphone kakashka 02021983 50spanks 111111a fgtkmcby
mclaren spread geng shuo zhui duan nuan qiang weng shuang 1234567891 bamboo brittney fastball creature cards
just4fun matteo fuckyo hack smashing foot washington arlene baggio carlito hopeful astro hondas snooker sophi
redbird bigblue dynasty mephisto trainer iceberg shitface fountain specialk estrella some 02031987 generic
buddyboy stevens 02041983 arcadia 02051983 manning nikitos piramida 02021989 violetta piano spencer1 salasana
q2w3e4r5 maxxxx zang shutup thing suan heritage liao 11221122 browning homerj tiburon obelix kris chopin
02041982 insomnia hooper promise cygnus theater romero jelly plasma kissmyass here submit budapest jayson
sexysexy jorda citizen sahara pinkfloyd card stroker pavlov playboy1 pasword amigo heynow arturo fight ventura
sandwich fraser yummy homeboy royal testpass gamecock milo maxwell1 magician female wildcard magazine telephon
bigfish tripod kuai lazarus cleo licking dundee 1234asdf 02081986 1a2s3d4f brodie misfits slavik rochelle
sleeper seeking pringles butcher patric iverson3 nanook 02041987 02041988 vsjasnel12 darklord loveless
radiohea 02011988 cang shao sheng guang shuai xing karin hughes giorgio maxime sphinx reckless triple baldwin
taxman orient desmond married zhjckfd mordor hunt romano jiggaman ramsey officer lovebug tiger123 classics
hooligan pluto georg bolton scrabble jezebel major jellybea shock drakon seadoo mexican hawaii50 pharmacy door
lena abnormal patrice concorde alfredo 01011979 02081985 cdtnbr qazwsxedc123 puffy islander 02101984 chantal
jakejake 02011980 yjdsqgfhjkm bunnies bushido kazantip strawberry verizon maksimka dupont crusher jiao zong
zhang pang premium wg8e3wjf corey 426hemi goat diane channel project hole cthtuf arrow meagan tootie bounty
02021982 kfhbcf kirsty howdy ramrod sweetnes master12 bummer corolla andersen blond race darryl senator
ferguson donovan 123456qwe thelma dynamite gertrude doomsday rhjrjlbk hjccbz players mariposa killer12 ozzy
mazda626 excalibur marcello buttfuck moore samsun masamune zhao niang zhuo 02071984 12365478 darlene bessie
brains north attila clowns chestnut woofer model 1qa2ws moses someone lindros tiny dottie civic july anthrax
lilian imation beacon tripper vsegda ursula fullmoon spiker sporty force pornporn citadel jacobs michael2
volcom dynamo amerika 02031985 bombers burrito inspiron forsaken spock mallory lantern nextel goirish
snowboard haggis callum violin lollypop insanity placebo creation glacier 02061988 stepan zander dabears
katarina iloveme sexxxy moonbeam webber gonzalez tiao dogger pecker stiffy senators create june wingman
pumpkins windsurf ernie mick watch green123 jarvis zephyr fishman dell reddevil wanted sheridan nichole bronze
concord rjhjktdf kellie baker zalupa killkill avenue asddsa bunker wrench paddle schalke cobain shanna poopy
broker mouth woodland yvette suicide vanguard aviation exotic heat stanislav 02081982 superb fergus mihail
vfibyf 02051982 yankees2 mobydick sausages tuning francesco ganesh anastasiya nevermind presiden faithful
kerstin vfitymrf varvara happiness 1z2x3c robotics zuan nang shui normal deer bigcat store 02011984 tech
temppass onetwo postman weird uranus highheel aloha cigar puss stylus gobears duckie stratus thong pippo
conover soprano jingle firewall polopolo dolly pepito piazza radical alone mail boxer 02031982 reload
evolution grande drummer1 tipper 02061980 battery dogcat drive kirby candace digimon bombay mariana sowhat
pussy123 pumpkin1 lips download fandango kamila popper gore beng rang bian cuan lenny qwerty11 mypassword
louie earnhard dancing simmons airport snappy angelika fishin boxers icehouse cramps basset dogboy hall abstr
softail titan santa killjoy fischer electro mygirl delilah misfit99 nutmeg 111qqq christma kittens krusty
script zaqxswcde bigboss flores guyver coach praise prowler harvest latina clit moreno erin 02061987 02091983
01081989 spikes zxcvbnm123 jubilee shan choice yugioh toaster pineapple harrypotter gorgeous namaste carnage
yong zeng biao heng keng kuang 12051988 alissa nigga dayton chriss niceguy magelan qwert12345 almond club
bumper partner vikings1 123qw marty spongebo erika judy ghosts broncos1 hookup bigben wifey enrico starstar
gilles chillin superma radiohead havana lumber pistons viktoriya gameboy robot santafe holidays jennife
mckenzie reddwarf dodgers1 cascade kidrock pinball isaac banger 05051987 02071987 02101989 02041985 arrows
platypus password12 foxy 02071980 1z2x3c4v abrakadabra doofus passes shanti barron marianna longbow services
02101987 heroes living mankind stasik jets beardog longjohn 134679852 glenn 01011900 alessandro garion live
juanita honolulu nygiants busty install niceass string boozer mars astra abbott puffin dogbert queenie muscles
highway visa 02091984 cottage compton steffi romans beerman windmill guitars earth freebird slamdunk snowflak
tasty delight nights biology emilia bronson frost irishman badgers state 02091981 bergkamp pixies training
warrior1 playstat milk oatmeal mudvayne airwolf season lottie dudedude jackjack johndeer zildjian magnet
vjcrdf 02061983 02041981 hammond ramirez 02091980 mang aptiva anai gidget 22041987 stop kjkszpj manolo bruiser
chilly medion josephin giraffe jared paulina fishbone edison caught gasman genesis1 pocket moondog charter
camila impact tbone bigblock rudy towers krypton hallie jefferso pelican altima clippers getout compass kimmie
chambers winners paulie spoon sucking albany toffee theatre never pavel 111111q climber marlon micro thisisit
armand ultra aladin monkeybo comfort 123456l epsilon idunno death666 stress hounddog pallmall 02051988
angel123 02041979 kate webhompas monsters picturs 02051987 sairam 02081977 05051985 02071988 easter cobras
ballin comanche landon severin 15051981 26061987 whiteout roadster basebal drifter easton werder norwich
stubby stefanie clay gene ellie versace food visual heinrich record bowwow ellen undertak demo hookem anastasi
fiction medic colnago booster festival zzzxxx coolcool qwe123qwe sinned foreve squeeze 02031981 mazdarx7
anthon diving shocker hewlett cross sutton choochoo 08031986 02051989 milan defense 123456789s iloveyou2
fidelio welcom 123456m word lithium 02051984 02061984 kisskiss cbr900rr british franc kings lovelife hellboy
chipmunk good123654 saiyan bluebell federal trust format kjrjvjnbd ctrhtn 1234qw hollie celeb fuckinside
10011986 11051987 13041988 21031987 kirk washingt tkbpfdtnf sensei smirnoff mydick spam macbeth cabron guess
pipeline clyde dalshe james123 zebra mortal fishhead gustavo vintage 06061986 pigeon carver gypsy konstantin
beta freefree summer99 newcastle krasotka 01031988 komodo 02091985 juicy punk starligh flyfish wireless carman
81fukkc manila olesya salome lowell torpedo switch motion sharp toejam julien puppet buceta scoobydoo 02021979
koroleva lineage michaels redrose close yogibear redbaron codered testing1 frogman 02021981 tatarin azazel
moskva kitchen freesex nascar24 president 7894561230 news mykids bitter highbury zachary1 tranny redfox
02061982 username achtung spotty survivor program prayer transit sanity seagull flanker cocker wanderer
soccer12 fuckhead zodiac isabell costello virgil nutter rockies irinka washburn catwoman upyours kelvin
lemonade chilli bearcats chef itsme gravity chevys solitude cocksuck minerva deeper 01011978 02011989 ohshit
vera cricket1 rober slowhand tommie ross jsbach lorena dinara paradigm lilith nostromo borabora arkansas
chiara savanna presley bologna terminat habibi contest sushi markiz sigma rainbow1 bdsm blam fantasia stephen1
mildred 02041989 grandpa underground johnson1 peaches1 cnfybckfd ghbywtccf 02101986 bigbob 11081989 12021988
13041987 14061991 20061988 21011989 22021989 24061986 30051985 74108520 joel slater comedy marti grand georgie
wildbill smart kent larissa gilligan blast hornets brain berkeley pool6123 birgit maggi armstron 3000gt
01061990 corndog hilary troy 123qwer lane piggy destin tropical sundevil shinobi horace gagging hurricane
volkswag wasabi 01011960 nurses 02021976 zanzibar reilly mustang6 trouble1 angelus chinese sissy sunfire
tonight sonia sneaky report 02071981 coventry gtnhjdbx 03041991 sekret 45m2do5bs undead qazws madcat hotone
eastern 123ewq daniele nirvana1 lasvega amorcit wasted sidekick 02031979 yfnfkb revolver jackass1 cleopatr
nfytxrf jermaine gbhfvblf kalina 02081983 marines1 18011987 23041987 cisco everlast hopkins nitro south nation
tinkerbe lamer boating glass bluesman weston leroy customer physics 12qw12qw paolo quentin messiah hitachi
marjorie krissy shawna conan woodie troll groups penguin1 spikey fatty villa denmark stephan birddog cyborg
keenan tokiohotel straight nautilus kieran rubble highlander redeye justus firefire from 02071983 schmidt
longdong boiler margie suckers waffle khan sonata lopez there skyhawk joebob armada 07071987 reflex threesom
asdqwe123 02021973 01121986 americ goten loud ghjcnjgfhjkm 02011981 01071986 02091989 02071989 nokia6233
ghbdtn123 asdfgh01 sisters valentine yuan cole 10031988 10071987 12121990 13031987 14111986 19061987 19101987
24011985 25081988 28041987 123456123 bighead matthias changes descent fenway taco eggman jonny buddy123
private1 dogface bowman irishka shibby antonia astral nudes teenage enterme thecrow andyod22 score complete
rivera belmont tigge junkie fredrick daniels vickie bennie skinner razor umpire blanco fearless citroen
rollins sluggo torino antelope marseille aramis emilie gryphon malachi pantera1 viewsoni ethan yeah marble
02081980 reptile 02021990 chandra kille dindom 01091987 evangelion handball barselona draven zxcasdqwe123
sandrine sprinter fyfnjkbq 01041985 02101988 stinker palmtree sonyericsson hotties rampage seabee chick
10011990 10051987 10101986 11061985 12121985 13061986 14021985 17051988 20111986 22011988 25800852 28021992
gordo bigpimp question soccer10 boytoy quasar carpente spartan1 amand luca pasadena biatch benoit glock
coldplay expert audi castor deadly fairlane elcamino callisto glamour datsun studman hanson mentor tomahawk
shamus gladiato diaper keisha styles squeak cayman runaway dentist navy skip fantomas thewho zippo castillo
luck arianna honeybee papito yamahar1 holycow 02031989 ukraine doors wildwood skibum gambler helper 09051945
best malice david123 karachi jewel excite toilet corinne morton johngalt sweetness options loretta mcdonald
sf49ers palermo buffalo1 playa lambda 02031980 01121988 gideon matthe 02101981 medved cheshire superior
08121986 ministry trinitro pebble bismillah roses elefant capricorn harlem 04041991 nikolai vendetta bobdole
03041986 02101983 manfred biker margarit bigpoppa success1 ijrjkfl voyager1 asimov iloveyou1 01011995 dominik
11051990 16051987 16051989 17061988 20031987 20091991 21031990 22021986 25031987 25121987 27061988 28011987
28021990 29011985 29051989 29071983 30041986 limited vitamin calibra zarina perry iforget 04041988 glasgow
shrimp antares hola antonina jamess hetfield warez bigones cutiepie chapman bolitas dimas nonenone bestbuy
papillon baritone knock eight stream sleep stephane freefall vjqgfhjkm show priest jules mischief rogue hate
foxylady flip ernesto dominion vienna macman enforcer devo 3x7pxr parol tophat megane dungeon leedsutd
f00tball mingus skillet robins twiggy bitchy giggles remingto alberta ducks rfvfcenhf book 02011983 otis
derparol 02051980 quebec emperor buste 05051989 synergy 08051990 02041980 shakira older asdqwe 01041988
01061986 mamamia cleopatra rosario finland modern carnival 01011994 dmitriy coolcat ghjuhfvvf knuckles mahler
kayleigh klaste 11121986 12031985 12031987 13121985 15011987 15051990 15101986 18061990 18091985 20051988
20091988 21051991 21101986 22071986 30031988 31011987 notused bigdawg grinch chips letmei slugger 02071978
mental harddick brand bozo paco kojak tabasco chelse spud rico keepout kokomo firefigh addison blowfish
1dragon hugo samira sexylady sevens 08031985 stacie dimples post tuna alexandre whiteboy films cromwell
magneto kernel carroll minemine dontknow 02011982 acmilan wp2003wp sanford referee lakeside polish 123456ru
noname123 screamer calimero portal kfgjxrf conway rockie 02101979 02051985 dfktynby francisc swinging 02041974
cygnusx1 trucking 08081988 obsidian sales auditt money123 02031988 oxygen roswell tower 01031989 01011974
papers popova 03031986 giovanna sasha_007 thecure 02051978 bigbang lfybbk pizdec 12345qw 02071979 zoloto
marijuana 02031977 02051976 kimball jaguars kordell1 kerouac 10101990 13021990 14021986 15021985 16121987
17011987 21051988 22031984 22041988 23021986 24111989 25041988 25091987 26031988 27081990 30041987 07091990
stryker ksusha entry roma maple choke cassandr moonligh fenris 12345s duffman blueball bigbooty cars wrestler
salope sexxy dinner building mopar cecile fishfish paramedi capricor robocop rimmer hardone w_pass 4ever evil
nomad nuclear asgard series advent 01031985 universa jorge kestrel spanner guido cheddar lalakers acura
cherries eclipse1 anchor cold yoyoma darkangel aspen bahamut whistler 57chevy smackdow galant bukkake leopold
option strawber facebook susanna bookie crusty qwedsa nine extra 02051981 01021990 transfer breanna mothers
clarissa peachy prozac p@ssw0rd loki bootys argentin flame bricks slimshady dkflbr nokian73 chris123 11111q
krolik joshu korova johncena magpies pictures cevthrb suckmydick spanker dogpound 02051973 impreza 02041975
10041986 10071988 11021985 13071984 14081985 15071987 17111985 18091986 19011989 19031985 19283746 21011988
21011991 22061988 23031990 24111987 25011990 25091990 31031988 notebook prospect bettina gymnast jktxrf seneca
ksenia rudolf marquis huge daylight tribal zack johndoe hejsan jeannie lemmein salem petrova clutch django
sexgod sexxx capetown tupac cartman1 ratman 09021988 vlad fortress canucks 01091985 virus chocha serpent
wallet inter telephone eggplant camero roofer nazgul fussball cardiff perfect1 hallo123 fktyrf pufunga7782
amore 02041978 factory budweiser alanis marseill janelle wealth addict goodgirl timeout wolfpac 02051972
camden liverpool1 tenchi 05061990 godlike university turnip beaker vincent1 k.lvbkf 01031984 02031983 repair
nbvjatq vehpbr southpaw sylveste redhat forever1 wingnut patrol magellan vampir captain1 assasin aikman
trailer mariya taekwondo 10081989 11031988 11071988 12041986 12041988 12061988 13011987 13011988 13051987
14011986 14021990 15011985 15041988 16051988 22021988 22071987 22091988 22121987 23021989 23041986 23051985
25101988 30081984 sonyfuck style llamas clifton irene sabrina1 02031978 punch noname goldfing 1234zxcv jumbo
helmut maveric ricard antony marcius2 ballet pentagon sawyer gina pearson hotgirls flasher tracer boater shoes
peppe joyce cornwall goodie devon benito butters sixpack mandrake bubbles1 earthlink lookout slammer venture
gagged onion 01071987 truth aries 12345m lakewood loveya dogwood moonshin ring wyoming suburban challeng
olympus volkov opendoor 01011976 04041983 commande stanley1 hoops jonathon 08081986 seymour ashle oreo murzik
bubba123 02051977 navigator right gratis myrtle native trip twelve 02081976 hellokitty arctic fkbyjxrf rasmus
wormix 02091988 07071977 03021986 millenium radar 07071990 gerrard 05071984 01041987 goth asians gateway2
camaross bluejays gaell 10031987 10101985 10121987 11061991 11121985 12071989 12081985 13061987 14101987
15071986 15071988 16021990 17061989 17101986 18021984 18041986 18051988 18101987 19051987 19061990 19121989
20041986 20081991 20091986 20121989 21061986 22011986 23051990 24031988 26031990 27041990 27061985 27071987
29061990 29071985 30041985 135798642 lekker qazxcv borders davies midnite lloyd beater 05071988 whatwhat
optimist damon 02071985 gotmilk clock decker larkin road loren redskin hung bremen enternow page 01051989
03081989 bimbo destiny1 hattrick aaasss 1a2s3d dejavu markie 1master beatles1 screw 2fast4u daddyo natasha1
bordeaux 12345qwer blaine vanessa1 rough alchemy 09041987 hott therock1 real ilovegod solaris proton links
cardinals marriage disco peggy spence fanny coming swedish espresso auggie 02071975 vbkfirf dougie p4ssw0rd
richar noway nightwish saigon holes jocelyn gsxr1000 23skidoo platon ghhh47hj7649 shadow12 speedway 01041992
01041990 devin leeds 09031988 timosha roadrunner ironmaiden mackie supernov delfin toriamos 06041988 ceasar
trans patches1 oberon vjkjrj capecod glow nevets 10061986 11051984 11051986 11091989 12041990 12051986
12051990 12121988 14041988 15021990 15051985 15111988 16051985 17041991 20021988 20041988 21061985 22061989
22081986 25071990 25111987 26061985 30011985 mamacita derf sandie jaime longer cowgirl stigmata munch gonzales
alena 01121987 data shag nineinch waterboy klondike ilove finally bomb spiral boulder odyssey amigos somerset
01031986 pain burns mulligan krokodil explore lawson charon peeper redcar fellow ambers sloppy savior schatz
moron hardball azertyui republic patch reggae canuck romantic vauxhall angelic emilio doggies advance 02061977
around 159357a 06021987 spoons rfntymrf almighty deputy 06081987 tosser stratfor mississippi suckdick houston1
eating intercourse power123 closer 01021989 lenochka marijuan 02031975 globus sterva domingo limewire terefon
coors 04041990 suslik steaua blue1234 bledsoe 12345qwerty greedy 01061988 iriska htubcnhfwbz zasada sandr
awesome1 beezer funstuff evgeniy bball patrici cuervo printing 10011983 11011990 14011989 14031988 15021986
16051990 17031987 17071989 18021988 18111987 19061985 20031991 21041992 24031990 24091986 25011986 25061985
27081986 28051987 29051985 29061989 pastor funky theforce chiquita strap yessir daman 05081988 beech streets
wxcvbn maserati berry qqqwww geezer coral cabernet joecool nastia egghead doris sheepdog terrell jomama kane
armando hairball christa aileen clarke insight afrika vancouve tender munich 02071976 123456789m grandam brady
luciano alcohol sheep default idefix cyprus trees scheisse montana1 mooney ambrose hoffman pimpdadd baltimor
jennaj norbert call jaeger mash4077 watford davinci mizzou gocubs square pigpen 123456t houdini jewish tomas
kirkland ophelia riccardo 07051990 another rodeo luna bonanza lhfrjy 02061976 sigmachi revolution dragon69
firenze 03041980 selina absolutely lback ghbrjk rfhnjirf 05091988 sammy123 cvthnm colonial toolbox 04061986
hunte ringo bongo 02101976 azert junk banan howell liliana q1234567 medina riders ilikepie 09021989 toonarmy
laddie 01031983 footjob 06051986 kronos eskimo wolfen natalie1 barley pancake bigdicks dabomb cashmone
02081981 junio 02041977 01021988 monic 11011991 11071985 11081987 12071987 12081984 12101988 13031986 14021987
14071987 15051987 15081991 16011989 16061986 16111990 17071985 18051990 18061985 19071986 19071988 19101990
20031988 21021985 22021985 22041986 22061941 22061987 22071989 22081983 22121983 22121986 23011985 23021985
24061987 24061988 25011985 25041985 25061986 25101989 26021987 27031989 28021985 28051986 lolol myxworld audio
kristian samoht dominiqu joemama gabber toocool ariel twinkie zxasqw marcelo darkange persona scrapper
delaware progress kurt shuttle link gabriele smoothie slimshad 08071987 q123456789 youtube franks norris
yasmin outside hottest cumslut tripleh mann starr morales vqsablpzla pathfind trace elisabet doit evolutio
fishon books 02021980 flicks velocity ranch annmarie gthcbr biggun dolemite vagabond outback sexo woodstoc
02081979 macleod plastics javelin bootsy 02021991 08061987 aolsucks c2h5oh 02031973 sofia redbone klizma
rachelle petunia pumper all4one mohawk lobo billabon rockin ncc74656 austin31 baylor 04061991 koolaid granada
allegro 02021971 alinka nevermore mikael p0o9i8u7 forgetit montag beloved breaker honeys password9 reginald
sheeba killer123 02091976 wives dukeduke archange metroid minimoni wizards hellsing rocknrol 02041976 fabio
03071987 zaqwsxcde wanking awful morrowind friendster irving goodday modelsne bumble nataly juliana cirrus
samm 03111987 nittany dogbone storage 05061986 04041985 punker 02011975 purpl futurama skateboard 10031991
10111986 11081990 11111987 11121987 12011989 12061986 12121982 12121987 13111990 14021983 14051990 14071988
14101988 15011986 15071985 15081988 15091987 16031990 16101987 17041987 17061986 19011987 19051986 19071990
20021986 21041985 21081987 21111985 22021990 22031991 22041985 22061990 23061990 24051990 26031984 26031987
27031987 27091985 29051990 29081985 29081990 29111989 29121987 30121987 31121990 esquire homemade kiteboy
herewego bedford dirk lonesome boxcar pornking blackbird dickens four climax gotribe bleach cheeky cucumber
vipergts awnyce 123qwert muhammad summer69 jeepster harbor acidburn harald calling dingo fireblad christi
pinnacle shodan 11111a fallon 03061987 02101977 deniro 08041986 dudeman harrier jellybean buffet mariner
foolish wildone peterbil allgood fields dilbert1 salami bugs estelle lighting mega butkus elvisp homework
russel donner doktor tycoon cement 04051988 ottawa bigguns lillie fellatio emmett kiwi barfly 03031988
baracuda newyear flipflop raleigh singapor sperma 04081987 maxdog sasha123 opennow thedon sedona sixty terra
blunts linkin lander alisa 02091977 12345abc 05051990 crackers doubled warhamme proview masterbate starwars1
02091975 status 01011971 females flamengo behappy lfitymrf starwar snowbird 123456789d corwin bradley1 azzer
02101980 lagnaf daughter cubs navyseal 01081990 carebear protect kamasutra bastards delmar musical deaths
metall steffen 01061987 02051975 wiseguy pimping 10041983 10061987 10081985 10293847 11011987 11071986
12051985 12101985 13111984 14071986 14881488 15051986 16061985 17011990 17021985 17091987 17101987 18011986
18021986 18041990 19091988 19111987 20011989 20051985 20071986 21071989 21111990 21121986 23011990 23021988
23051986 24011990 24021991 24061992 24121986 25011993 26041986 26041991 26051988 27011988 27051987 28021986
28071986 29011987 31011990 02071971 whiplash lara adriano boyz hatred reserve draco rainyday mercede grin
stafford mone motor ontario stang gardner weekend jakarta shonuf clovis drum gotham jughead golfgti dooley
sand nightmar wetter 03051987 01051988 comein meadow 69camaro chessie marshal phyllis mutant dingle chelle
nautica haley camber dragonfl senna bigjohn heels stickman sambo 03071986 hiziad sexybitch puppydog 5wr2i7h8
deville pacino paragon pointer tarpon melanie1 sprout durham apollo11 wheeler spliff sick rockwell vfntvfnbrf
meliss narnia eleonora lefty chewy payday atlas alleycat ambrosia drums linden trustme austria phialpha
exchange rage lokiloki tarakan cartoons 02091973 01051986 bungle contract 03011987 kolokol daisydog
penetration 06041987 laetitia gohome 03031990 02101978 pushkin leigh mustang2 gianni wordup orchard adrenalin
goldeney luckyone 06031983 tuscl escalade 0192837465 gerbil blanca widget fyutkjxtr 01011973 02071977 02081974
touching trinity1 04091986 sites pookey 1q2q3q charisma 07081986 inlove rainbows grass kolbasa 07091982 newark
12345qaz bootsie interne raphael rated cleveland 02061979 henrik roll 08051987 jenifer cocksucker 03031993
10011988 10031989 10041990 10061984 10071985 11071989 11091984 11111986 12011985 12021985 12031988 12051989
12091988 12111990 12121989 12348765 14011987 14011988 14021989 14081988 14121989 15021983 15031988 15061988
15091988 15111984 16011987 16111982 18021987 18031991 19021990 19101986 19111986 20011988 20021985 20031986
20061986 20081986 21051986 21071987 21101989 22051986 22071983 23031987 23051987 23051991 24011987 24071987
24101986 24111990 25021988 26031986 26091986 26101986 26111985 27021991 27111985 28031982 28041992 28061986
28121984 29041985 30011986 30061987 31121987 31121988 369258147 point 05021988 dragster bismarck cambridg
cliff 1michael honor buzzer supra treefrog kerry reason frogs treetop catcher dicky xantia daisey siobhan
lister dome strelok auto gamma jello hawkins 123456789qwe prosper pitch stan workout walton catnip 06071983
trauma sebring michal nounours kittie burning driller thierry lumina speakers brennan rabbits colin buttercup
neon atticus puzzle mallorca delaney burn checker jabber alexander1 melrose zyjxrf normandy ariane dbnfkbr
bambi lucia wilder thumper1 killa masterp 02051979 playball scamper 7777777a wonderful signal base benessere
freee 01021985 getting smackdown melons 02051990 trumpet1 pandas chains asdffdsa 03041987 favorite6 melina
sexybabe cannibal fosters beethove skipper1 02091971 01051990 burner nthvbyfnjh meow malaysia azertyuiop
02091982 rocknroll bynthytn aprilia 02011990 venom italy meier shen pavement 03051986 stockton 06061987
peppers tantra guillaum 10041991 10101989 10121985 10121986 11011989 11041991 11061989 11081988 11101986
12021991 12051987 13021987 13081985 14031989 14041987 14041992 14081990 14091990 15041987 15071983 15081990
15091989 16021987 17021987 17061991 18011988 18041991 18051987 18061991 18081988 18121984 19031987 19091990
20041990 20051989 20061984 21021987 21071992 21081985 22061985 22071990 22081991 22091986 22111985 23061992
23071985 23091987 23121986 24021988 24031987 24041988 24081988 25051985 25121985 26051986 26061986 26071987
27041985 28051985 28051990 28071987 30041991 30051989 30061983 30071986 30111987 789654123 007bond redd manny
giulia caster jupiter1 readers mooses worthy royalty jonas rita segblue2 trustno hansol gumby enrique body
123456w abcdefg1 paulpaul gannibal earl compact frosch skylark hallowee kenobi kittys andrews terrier dirt
farm marbles ticklish 07071985 frenchy offshore jazzy sexyone algebra allison1 special1 hyundai hotass sexman
olive leinad farmboy 02041973 middle clement amethyst letsdoit gofast thrasher plato soul ride notredam
candyass hannes spooge systems gatsby junkmail ladder uptown shower chill karine 09051986 matty airman
06011988 volleyba stayout liberty1 abacab blanche buckley bouncer vodka bettyboo shauna 02061981 manga
02011979 02101973 muslim 08011986 cutie ilikeit 06061985 01051985 constant longhair their kaboom elmira
amatory 09081988 q1w2e3r navajo alcatraz olenka 01021987 09091986 05021987 mynameis 08071988 larson sunshine1
04051985 powerful 04061984 sephiroth panter password01 casio summers 02061972 computer1 1qazxsw23edc jesus123
nikolas rugger 05031991 sparkles skinhead sonysony snicker pancakes charlie2 pilgrim ananas contra sheldon
generals grisha montecar briggs 02061974 ploppy 10011992 10061989 10071990 10081983 10081990 11041990 12071988
12071990 12081983 12081988 12091991 12101984 12101990 12121986 12121991 12211221 13071990 13101987 13121983
14041986 15031990 16031988 16071987 16071991 16091987 16121986 18111986 18121983 18121987 19061992 19091983
20051987 20061990 20101988 20121986 20121988 21031985 21121985 22011985 22051991 22071991 22121989 23031986
23051983 23091986 23111987 24071991 24101989 25081986 26071986 26071989 26101987 27021990 27031986 27061983
28061988 29031988 29061985 29061988 30011987 30031986 30031992 30091989 30121986 31031987 31051985 31101987
1234567899 renate radeon sergbest 08111984 talbot pathetic errors springs needles restart stock hiking
auckland jimmys pearls 01041980 billbill hazard capitals 02031990 pizzaman fitter biit tazz ulysses jehovah
stitch itisme delpiero wind neville nico 09111987 1234rewq virginie alive grunt emil octopus 04111988 tampabay
ratboy 1qazzaq1 playboy2 gabby 1million vampire1 playmate 08101986 dfcbkbcf carrots istheman jarrett yamato
rumble ilovepussy wonderboy montrose dunlop werdna cassandra clemente tralala collie swoosh 06031992 dreamcas
track sliver londo cocoa rfgecnf 05051991 rollin painting makaka 04041987 thebear 01071984 zxcvb123 05011987
04061987 lockdown blacklab riffraff legs kahlua fidelity 05111986 08121987 frankie1 alexi winger 07071988
07051987 edmonton 07071982 pressure streaming amstel supernova 02081973 fujitsu 05031990 fluff samanth panic
napalm 08051989 justice1 09081985 07071984 camil blubber 02031991 01021992 tujhrf gatit titts camping cable
babycake budgie dani vfndtq fuckme69 hewitt spot frederik motocros 01101987 rustydog pinetree 07101987
10031990 10031993 10041987 10051990 10061985 10071986 10091984 11031983 11051988 11071987 12071991 12081987
12081990 12111985 12111991 12131213 13021985 13061985 13071987 14101986 15011983 15061985 15081986 15091985
15111989 15121987 16061987 16061988 16081986 16091988 17021989 17051987 17051989 17051990 18011985 18021992
18031988 18051989 18101985 19021991 19061991 20041985 20061983 20071988 21031984 21061988 22011992 22031986
22051987 22051989 22061984 22071984 22071985 22091991 23061989 23091985 23091989 23111989 24091991 24121987
25031983 25031991 25041991 25051987 25061987 25081985 26081986 27021992 27031992 27111989 28011988 28081986
28081990 28101986 29011982 29061986 29091987 30011990 30051987 31051993 31071990 44332211 66613666 1234509876
duffer ollie benton tetsuo glasses nestor feelgood cola cleaner rocco smirnov roxy dummy loose maximo iceland
tigercat citation blitz icecube burnout puck twist asses noel panhead adelina hanuman sunlight 02061971 cupoi
bigtruck phat rolex 06061981 exeter kingking lilbit rhubarb morten trooper1 custer buford papamama mouser
bowtie perkins toast husband betsy jefferson serious elements zapper 02031974 harriet cummins 02051970 semper
herring 123456as accept bucky 07071989 lemans winona finder treble password99 popcorn1 stellar 04041986 saskia
doreen chavez furball 08021990 02021978 corner 05121990 03091983 06021986 titfuck 02011977 salman bagpuss
01081985 04071986 01091992 09051987 07041987 darina francine 05031987 redstar revoluti sniffing chouchou quick
gareth usmarine 03051988 01121990 dresden julio doom 09091988 01081992 02041972 07101984 07021991 03041983
123456qqq malish planes videos enters 08081990 nympho 123456d pajero 03031992 left4dead england1 booyah
conquest delldell brest eunice momdad slonik nursing bismark lol12345 01011972 123456n garnet 02061978 bonner
07081987 gogators cashmoney 09041986 blobby 04071988 02011976 dimitri 07091988 fabienn iklo 10021986 10021987
10051988 10081987 10091986 10101980 10101988 11081986 11091985 11091986 12021984 12031990 12061987 12071984
12101989 13031989 13051990 13061991 13071985 13071989 13091984 13101982 13101988 13101992 14051983 14061988
14091987 15011988 15061984 15101991 15121983 16011986 16021988 16031986 16041985 16101986 16121991 17041985
17041986 17061987 17071986 17071987 17111987 17121985 18091987 18121812 18121985 18121990 19041985 19051983
19081987 19111985 20011983 20031985 20031990 20051983 20071984 20101987 21021989 21051990 21091989 21101987
21101988 21111986 22051988 22091984 22091990 22111988 23021983 23021992 23041988 23061987 23091991 24071992
24101984 24101990 24121988 24121989 25021986 25031984 25111991 26031991 26121989 27091991 29041988 30101988
30121985 30121988 31051987 31051991 31121985 31121986 cyrano crappy volcano eatmenow 02111987 renato goodyear
budd 08031987 spoiled kamilla hogtied omar lunchbox mantle piercing makayla cyrus mufasa beau boobear town
rudeboy riversid hemlock onions 01091988 03031984 holger scissors hound crescent erection libero hair entrance
fduecn weare138 italiano matchbox ramjet acapulco mohammad trek weiner lebowski 03031987 ridge surprise
shampoo loverman monk 12345r abracadabra 03061985 duane dnsadm fisherman toomuch athome 01061983 whatthe
08041985 someday celebrity madagaskar marcin valery maison forlife mindy azrael alain dreaming hardy mercury1
hfytnrb 01051980 01071990 macintos tennesse hardwood sweetheart pride invest 03071985 mariam rhfcfdbwf
ronaldinho masterbating discus fabulous sextoy this instant duckman caracas begemot parlament migue alpha123
sylvie nadia 04031991 vegitto 02011971 requiem misiek altoids naughty1 09031987 03061986 02061990 05051986
05061989 rhinos paladin1 asdfg123 liliya 06011982 dragonballz retire these 07021980 hellas 07061988 rfhfvtkmrf
capcom rjhjkm kicksass dental hores harman 07041989 sharpe 09041985 05061988 03101991 07031989 lookin poptart
02081970 pugsley gamble 08081989 hawks gladys granite sqdwfe 10011980 10031980 10041984 10071989 11031986
11041985 11061984 11061986 11061987 11091990 11111991 12021990 12041991 12071992 12081993 12091986 12111984
13041989 13051986 13071982 13081986 13091986 13091988 14031986 15011990 15031991 15051989 15051992 15071990
15081989 16041988 16091990 17051983 17071990 17091985 18031986 18071986 18071989 18071990 18111983 19041986
19071989 19081986 19121988 20031992 20061987 20061991 20081990 21021988 21021990 21031986 21041987 21041991
21101983 21111983 21121989 22071988 22071992 23031983 23041991 23101987 23111986 24041984 24041985 24041986
24051989 24061985 24071990 24101988 24101991 25021985 25041987 25051980 25051988 25071983 25071985 25071987
25091989 25091991 26011986 26011990 26021992 26061989 26061991 26071984 27071988 27111990 28021983 28071985
28121989 29031990 29041989 29051992 30051986 30051988 30061988 31051982 goldeneye interest harmon melani zach
spleen alfonso jeeper 07081984 natedogg 09051984 emanuel locks 1qazxsw lizzy menthol pharao alterego fick
bauhaus alexxx brook jerk vaughn pong lake ibrahim huskers1 mogwai owen benjami nicky adelaide smurf skirt
nineball shady mafia tiamat aircraft bama having dipset logger mamas gerry 04111991 trenton altair 01041993
jingles mallrats backbone clever stanton dipper innocent unlock chen donjuan harle termite 05041985 49ers
missie diamon encore forbes follow trash freestyle 03061988 zerozero shovel matisse anonymous laserjet leeann
parkour waterman ballsack bluejay shakur welkom dangerous ghjcnbnenrf hacking 01031981 flyer information
03091988 07041988 01061992 babybear highlife raduga favorite aisan probes sucked ljxtymrf 05071985 becca
trinitron beat clips thumb desktop things supersonic blueberr satchmo 05081992 claudia1 demon666 natalya pooky
victori legos 06061988 glover 03041984 boroda tamerlan 1qw23er4 chamber 03041989 qwerasdfzxcv mariel 06041984
04071987 flyers88 nokia5800 stewart1 01071988 01041983 bathing chess mangos rapper darkone pokemo 05081986
douche redwine ismail 02091978 06101989 humphrey justi 03031991 maximka cashflow ireland1 implants juniper
grayson 08071985 cantona7 bobmarley shojou gramma princesa bendover 04021990 05121988 giggle cloudy 03011991
gotenks sopranos 10021983 10081991 10091985 10101991 11021990 11041986 11041987 11061988 12041987 12081986
12091990 12101986 12121984 13021991 13031991 13061990 13071991 13081987 13091987 14021991 14041991 14051987
14101983 14101991 15031987 15111986 15121985 16011985 16011991 16061990 16111989 17021986 17031992 17111988
17121986 17121987 18011984 18061986 18061987 19011985 19021985 19071983 20011987 20051986 20061980 20101986
21021986 21041990 21091990 21111989 21121988 22041991 22051990 22061991 22091985 22091987 22446688 23021991
23051984 23061985 23071986 23091982 24041990 25051989 25081987 25081989 25091992 26041983 26041988 26051990
26111984 26121987 27061990 27091983 27101987 27101989 28021989 28041988 28051988 28071984 29031982 29041987
29051987 29071986 29081982 29081987 29111987 29111988 29121984 29121988 30061985 30061989 30071992 30101987
31011985 31051986 31081989 31101991 larsen kappa worker mustang5 spark placid downer screwy amiga hillbill
klaus aaaa1111 simons mortis leland binder border chemist oral gone buster12 carlisle protocol dynamic ajax
talks 05061983 tuxedo cook 01051987 amature triplex dudes turbos jennifer1 edge ringer 03061984 joke grimace
jarrod socce feathers nemrac58 riddle xian wonderfu surgery qweasdzxc123 bourbon dickdick bite 06061990
08021989 annaanna pimpdaddy baura commander helsinki basil 8inches cyclones bong macaroni pollux funk motown
fiddle thebeast marauder rodrigo oyster 09101985 listen fruity 06021989 chachi hand gizzmo 01041989 blinky
prime hancock espana lennox corinna frisbee lancia 02031970 sapphic 09051990 06091989 02021977 123456g
homepage dimadima womans 03101985 04051987 halloween pinkie 07021987 cheerleaers shopper 05041986 soccer11
josiah redheads weller scouts photon metallica1 garlic 03121986 greywolf estrell 06081986 diva ghjcnjq alvaro
06081988 egorka 06031986 rfhfylfi 08111983 01031980 08061986 06051987 06071984 reeves picks 123456789r
reloaded holla mierda 04061990 04021985 gigabyte flvbybcnhfnjh dortmund korean karaoke sashka godbless allday
flipper1 jurassic experienced thebest 05101984 nimitz love1234 trigun coolhand kcchiefs 09011990 dicker baboon
05091987 08071986 barefeet 1111qqqq jesper belkin zoomzoom asdasd123 madcow 101091m greedisgood 10011989
10021988 10041989 10051986 10071983 10101987 10111989 11021984 11021987 11021988 11051989 11121990 12031986
12061980 12071982 13021984 13121989 14031990 14051986 14091988 14091989 14111987 14785236 15021991 15031986
15031989 15051991 15081980 16021989 16041986 16051986 17081990 18091984 18101989 19011986 19091986 20021990
20021991 20051984 20111987 21011985 21011990 21041986 21061989 21071990 21081990 21091987 21121987 22031987
22081987 23021984 23061988 24021985 24061984 24081990
`

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([...INDONESIAN.split(/\s+/), ...LEAKED.split(/\s+/)].filter(Boolean))
