/**
 * The word list for generated passphrases: 2048 common, concrete, inoffensive English words,
 * 3 to 8 lowercase letters, sorted, written for this project.
 *
 * Curated for the people who will read it: no violence, weapons, detention, body parts,
 * medicine, religion, politics, alcohol or pork; no slang for informers; no words with
 * British/American spelling variants; no plural of another word in the list.
 *
 * 2048 = 2^11 words, so each uniformly drawn word carries exactly 11 bits and six words carry
 * 66 bits. Changing the list changes no existing passphrase, but keep it at 2048 words
 * (tests pin its size, order and hash).
 */
const WORDS = `
  aardvark abacus able acacia accept achieve acorn acre acrobat active actor adapt adept admire adopt
  adore advice advise agenda agile agree airport airy aisle album alder alert align alive alley alloy
  almond aloe alpaca alphabet amaze amber amethyst amiable ample amused anchor angle answer anteater
  antelope antenna apex applaud apple apricot april apron apt arcade arch archive area aroma arrange
  arrival arrive artist ascent aspen assist atlas atom attend attic attire august aurora author autumn
  avenue avid avocado awake awaken award axis azalea azure backpack badge badger bagel bagpipe bake
  baker bakery baklava balance balcony ball ballad ballet balloon balmy bamboo banana banjo banner
  banquet barber barley barn baseball basic basil basin basket bath bay bazaar beach beacon bead
  beagle beam beaming bean beanie bear beaver bed beetle beetroot begonia beige believe bell bench
  beret berry better bib bicycle big bike birch biryani biscuit bison black blanket blend blender
  blimp blissful blizzard bloom blossom blue bluebell bluebird bluejay bluff board boat bobcat bold
  bonnet bonsai bonus book bookcase bookmark borrow bottle bounce bouncy bouquet boutique bowl bowling
  bowtie box bracelet bramble branch brave bread breeze breezy brew briar brick bridge bright brighten
  brioche brisk broccoli brochure bronze brook broom brown brownie browse brunch brush bubble bubbly
  bucket buckle bud budgie buffalo buffet build builder bulb bun bundle bungalow bunny bunting buoy
  burrito bus bush busy butter button cab cabbage cabin cabinet cactus cafe cake calendar calf calm
  camel camellia cameo camera camper campus canal candid candle candy canoe canvas canyon capable cape
  car caramel caravan cardigan careful cargo caribou caring carol carousel carpool carrot carry cart
  carton cartoon cascade cashew cashmere castle cat catnip cave cedar celery cellist cello ceramic
  cereal chalet chalk channel chapter charcoal charm chart chat chatty cheer cheerful cheery cheese
  cheetah chef chemist cherry chess chestnut chic chick chicken chickpea chimes chimney chipmunk chirp
  chive choir chord chorus chutney cinema cinnamon circle circus citrus city civil clam clap clarinet
  clarity classic clay clean clear clerk clever cliff climb cloak clock closet cloud cloudy clover
  clown cluster coach coast coat cobble cobbler cockatoo cocoa coconut cocoon cod code coffee coin
  collage collect collie colt column comb comedy comet comfy comic compass compose concert cone
  connect cook cookie cool copper coral cord cordial corgi corn corner cosmic cosmos cottage cotton
  couch cougar count coupe courage courier cove cow coyote crab cracker cradle craft crafty crane
  crayon cream creamy create creek crepe crest crib cricket crisp crocus crown crumble crystal cub
  cube cucumber cumin cup cupboard cupcake cupola curl curling curly currant curry cursor curtain
  curve cushion custard cute cyan cycle cyclone cymbal cypress dabke daffodil dahlia dainty dairy
  daisy dance dancer dapper dapple darbuka daring date dawn daybreak daylight dazzling debut decade
  december decent decide deep deer deliver delta denim desert design designer desk detail develop
  devoted dew dewdrop diagram dial dialect diamond diary dice digit dim dinghy dinner diploma direct
  disco discover dish dock dodo doll dolphin domain dome domino donation doodle door doorbell doormat
  doorway dot dough dove dozen draft dragon draw drawer dream dreamy dress dresser drift driveway
  drizzle drum drummer duck duckling duet dumpling dune dusk duvet dynamic eager eagle early earn
  earnest earring easel east easy echo eclair eclipse ecology edge editor eel egg eggshell egret eight
  eighty elated elegant elephant elevator eleven elk elm emblem emerald emu enchant encore endless
  engage engine engineer enjoy enrich envelope epic episode equal era eraser errand espresso essay
  estate even evening evolve exact excel exhibit expand expert explore fable fabric fabulous fact fair
  fairway faithful falafel falcon famous fan fancy fanfare farm farmer fast fattoush fawn fearless
  feather february fennel fern ferret ferry festival festive fetch fiber fiddle field fiesta fifth
  fifty fig figure film finale finch fine fir firefly first fish fisher fit five fix flamingo flapjack
  flask flax fleece flexible flint flipper float florist flourish flower fluent fluffy flurry flute
  flutter fly foal focus focused fog foggy fold folder foliage follow fond fondue font football
  footpath forest forester forgive fork formal forty forum fossil fountain four fourth fox foxtrot
  fragrant frame frank free freezer fresco fresh friday fridge friend friendly fringe frisbee fritter
  frog frolic frost frosting frosty fudge full funny fuzzy gadget galaxy gale galleon gallery game
  garage garden gardener gardenia garland garlic gather gazelle gecko gelato gem gemstone generous
  genial genius gentle geranium gerbil gesture geyser gibbon giddy gift gifted giggle ginger giraffe
  give glacier glad glass gleam glide glider glimmer glimpse glitter globe glory glossy glove glow
  glowing goal goat goblet gold golden goldfish golf gondola good goose gopher gorge gorilla gosling
  gourd graceful gracious grain grand granite granola grape graph grateful gravel gravy great green
  greenery greet greeting grin grocer groovy grouse grove grow guava guest guide guild guitar gull
  gumdrop guppy gust gymnast habit haiku hail hallway halva hamlet hammock hamster handbook handle
  handy happy hardy hare harmony harp harvest hat hatch haven hawk hayride haystack haze hazel
  hazelnut headband headline heal hearth hearty heather hedgehog hefty heirloom help helpful hen herb
  heritage hero heron hibiscus highland highway hike hill hilltop hinge hip hippo hobby hockey holiday
  hollow holly honest honey honeybee hoop hop hopeful horizon horse hostel hotel hub huge hula hum
  humble hummus hundred hyacinth ibex ibis iceberg icicle icon idea ideal igloo iguana image imagine
  immense impala inchworm index indigo ink inkwell insight inspire invent iris island isle ivory ivy
  jacket jade jaguar jam jamboree january jar jasmine jay jazz jazzy jelly jersey jetty jewel jig
  jigsaw jog join jolly journal journey jovial joyful jubilee judo jug juggle juggler juice july jumbo
  jump junction june jungle juniper just kale kayak kazoo kebab keen keepsake kelp kernel kettle
  keyboard keynote khaki kimchi kimono kind kindly kindness kingdom kite kitten kiwi knapsack knit
  knot koala kumquat kunafa label lace ladder ladybird ladybug lagoon lake lakeside lamb lamp landmark
  lane lantern laptop large lark lasagna latte lattice laugh laurel lavender lavish lawn layer leaf
  leafy learn ledger leek legend leisure lemon lemonade lemur lens lentil leopard letter lettuce level
  library lift light lilac lily lilypad lime linen liner linger listen little lively lizard llama
  lobby lobster locket lodge loft lofty logic logical lollipop look lookout loop lotus love lovely
  loving lowland loyal lucid lucky lullaby lumber luminous lunar lychee lynx lyric macaroni macaw
  magnet magnolia magpie mailbox mainland majestic mallard manatee mandarin mandolin mango mansion
  mantle manual map maple marathon marble marigold marina market marmot maroon marsh marvel marzipan
  mascot massive mat mature meadow medal meerkat meet mellow melody melon memento memo memory mend
  mentor merit mermaid merry mesa meteor method metro mezze midday mighty mild milk million mime
  mimosa minivan mink minnow mint minty mirror miso mist misty mitten mix mocha mochi modern modest
  monday monorail monsoon monument moon moonbeam moonlit moose morning mosaic moss moth motif motor
  motto mountain mouse muffin mug mulberry mule mural muse museum mushroom musical mussel mustard
  mutual myrtle naan nachos nap napkin natural nature neat nebula necklace nectar nest net nettle
  network newt nice nickel nickname nifty nimble nine ninety noble nod noodle nook normal north note
  notebook novel november nugget nurture nutmeg nutshell oak oasis oat oatcake oatmeal oboe observe
  ocean octave october octopus odyssey offer office okra olive omega one onion onyx opal open opera
  opinion optimal option orange orbit orca orchard orchid orderly organ organic origami origin oriole
  osprey ostrich otter oud outback outlook oven overture owl owlet oxygen oyster paddle paddock paint
  painter palace palette palm pamphlet pan pancake panda panel panorama pansy panther pantry papaya
  paper paprika parade parakeet parasol parcel parrot parsnip passage pasta pastel pastry pasture path
  patient patio pattern pavilion pea peaceful peach peacock peak peanut pear pearl pebble pecan pedal
  pelican pen pencil pendant penguin pennant peony pepper peppy perfect perfume perky pesto petal
  pewter phase pheasant photo phrase pianist piano pickle pickup picnic pie pier pigeon piglet pilaf
  pillar pillow pine pinecone pinewood pink pinnacle pinwheel pitcher pixel pizza plaid planet
  plankton plant plaque plate plateau platform platinum play plaza pleasant plenty plucky plum plumber
  plume plump plush pocket podium poem poet poised polished polite polka polo pomelo poncho pond
  ponder pony poodle popcorn poplar poppy popular porch porridge port portal portrait possum postcard
  poster postman pot potato potter pottery prairie praise prawn precise prelude premiere premium
  prepare pretty pretzel preview prime primrose prism pristine prompt proper prose protect proud puck
  pudding puddle puffin puma pumpkin puppy pure purple purr puzzle pyramid qanun quail quaint quartet
  quartz quest quick quiet quilt quince quirky quota rabbit raccoon racket radiant radio radish radius
  raft rain rainbow raincoat rainfall rainy raisin rally ram ramen ranch ranger rapid rare rattle
  raven ravine ravioli reach ready real realm recipe recital record red reed reef refined refrain
  regal reggae regular reindeer relax relaxed relay reliable relic relish renew rest restful restore
  reunion revive rhubarb rhyme rhythm ribbon rice rich rickshaw riddle ride ridge rinse ripe ripen
  ripple rise risotto river riverbed road roam robin robot robust rodeo roof roomy rooster rose
  rosemary rosette rosy round route row rowboat royal ruby rudder rug rugby rugged ruler rumba runway
  rust rustic rye sable saddle safari safe saffron saga sage sail sailboat sailfish sailor salad
  salmon salsa salt samba samosa sandal sandbar sandbox sandwich sandy sapphire sardine satchel satin
  saturday sauce saucer savanna savvy say scale scallion scallop scarf scarlet scene scenic scholar
  schooner scone scooter score scroll seabird seagull seahorse seal seashell seaside season seaweed
  second secure sedan seed seesaw sensor sentence sequel sequin sequoia serenade serene sesame settle
  seven seventy shallot share shawarma sheep shelf shell shepherd shimmer shine shiny ship shoe shore
  showcase shower shrimp shrub signal silent silk silky silver simple sincere sing singer sink sip six
  sixth sixty skate sketch ski skip skunk sky skylight skyline slalom slate sled sleek sleepy sleet
  slide slim slipper sloop slope sloth slumber smart smile smooth smoothie snail snappy snapshot
  sneaker snooze snow snowball snowdrop snowfall snowman snowy snug soar soccer sociable social sock
  sofa soft solar solid solve sombrero sonata song sonnet sorbet sound soup south souvenir sow soy
  spark sparkle sparrow special spectrum speedy sphere spice spin spinach spindle spiral splash sponge
  spool spoon spotless spring sprinkle sprint sprout spruce spry square squash squid stable stadium
  stamp stanza star starfish starling starry station statue steady steamer stellar stem stencil step
  steppe stew sticker still stilt stitch stork story stove stream street stroll strong strum studio
  study sturdy stylish sublime subtle suburb subway sugar suitcase summer summit sun sunbathe sunbeam
  sunbird sundae sunday sundial sunhat sunlight sunlit sunny sunrise sunroom sunset sunshine super
  superb support supreme sure surf surprise surveyor sushi swallow swamp swan swatch sway sweater
  sweet swift swim swing swirl sycamore symbol symphony syrup table tablet taco tadpole tag tahini
  tailor talent talented tamarind tan tandem tango tapestry tassel tasty taxi tea teach teacher teacup
  teal team teapot teaspoon teddy tempo ten tend tender tennis tern terrace texture thank thankful
  thicket thimble third thirty thistle thousand thread three thrifty thrive throne thrush thunder
  thursday thyme ticket tidbit tide tidy tiger timber timeline timely tinker tinsel tiny toad toast
  toaster toboggan toffee tofu token tomato topaz topic tornado tortilla tortoise toucan tough towel
  tower toy toybox tractor trail train tram tranquil travel tray treasure treetop trek triangle
  tribute trim trinket trolley trombone trophy tropics trot trout truck true truffle trumpet trusty
  tuba tuesday tugboat tulip tumble tuna tundra tune tunic turbine turnip turtle tutor tuxedo twelve
  twenty twig twilight twine twinkle twirl two udon ukulele umbrella unfold unicorn unicycle unique
  unite united unity unwind upbeat upland uplift upright useful usual utopia valiant valid valley
  valued van vanilla vase vast velvet venture verse vessel vest vial vibrant villa village vine
  vineyard vintage violet violin visit vista visual vital vitamin vivid vocal voice volcano volume
  voyage wade wafer waffle wagon walk wallet walnut walrus waltz wander warbler wardrobe warm warmth
  wasabi water waterway wave waypoint weasel weave weaver weekend welcome west wetland whale wharf
  wheat whirl whisk whisker whisper whistle white whole wicker widget wiggle willing willow wind
  windmill window windy wink winning winter wise wish wishbone wisteria witty wolf wombat wonder
  wooden woodland woodpile wool workshop worthy wren write writer yacht yak yam yard yarn yawn
  yearbook yellow yew yodel yoga young youthful yoyo yucca zaatar zany zebra zenith zephyr zesty
  zigzag zinnia zipper zippy zoom zucchini
`;

/** The 2048 words, sorted. */
export const WORDLIST: readonly string[] = Object.freeze(WORDS.trim().split(/\s+/));
