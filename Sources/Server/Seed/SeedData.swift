// Static reference data for the deterministic seeder.
//
// Cities are in Domain (City.all), shared with the rules that resolve stops.
// Shipper and carrier names are fictional. Names are common US first names
// and surnames. Rates, weights and lengths are typical market figures.

import Domain

/// A city lanes, driver homes and stops are drawn from.
typealias SeedCity = City

enum SeedData {
    static var cities: [City] { City.all }

    /// Fictional shipper company names.
    static let shippers: [String] = [
        "Prairie Gold Milling", "Lone Star Paper Co.", "Cedar Hollow Foods",
        "Bluestem Packaging Corp.", "Harbor Point Beverage Co.", "Red River Canning Co.",
        "Tri-County Building Supply", "Copper Basin Steel Works", "Great Lakes Corrugated",
        "Sunbelt Produce Growers", "Valley Sun Farms", "Northwind Frozen Foods",
        "Pinecrest Lumber Co.", "Ridgeline Fabrication", "Heartland Grain Cooperative",
        "Magnolia Home Furnishings", "Silver Creek Dairy", "Keystone Appliance Distributors",
        "Iron Horse Pipe & Supply", "Cumberland Plastics Inc.", "Big Sky Agri Supply",
        "Gulf Coast Chemical Blending", "Mesa Verde Tile Co.", "Old Mill Flour Co.",
        "Twin Rivers Poultry", "Summit Peak Outdoor Goods", "Bayou State Rice Mill",
        "Cascade Orchards", "Desert Bloom Nursery", "Granite State Stoneworks",
        "Blue Ridge Furniture Makers", "Three Forks Cattle Feeders", "Coastal Carolina Seafood",
        "Piedmont Textile Mills", "Allegheny Wire & Cable", "Canyon Creek Bottling",
        "Golden Harvest Snacks", "Clearwater Paper Products", "Evergreen Pallet Co.",
        "Frontier Tractor Parts", "Riverbend Meat Packers", "High Plains Ethanol",
        "Sandhill Sod Farms", "Lakeshore Auto Components", "Midstate Fertilizer Co.",
        "Tidewater Logistics Supply", "Badger State Cheese Co.", "Shenandoah Orchards",
        "Painted Hills Pottery", "Great Basin Minerals", "Delta Cotton Ginners",
        "Timberline Log Homes", "Sierra Foothills Winery", "Palmetto Packaging",
        "Northern Star Insulation", "Hill Country Limestone", "Bluewater Marine Supply",
        "Red Rock Roofing Supply", "Oak Valley Cabinetry", "Sunrise Egg Farms",
        "Lakeview Brewing Co.", "Fieldstone Masonry Supply", "Copperline Electrical Supply",
        "Southern Pine Treating Co.", "Gateway Metals Recycling", "Hawkeye Seed Co.",
        "Cornerstone Concrete Products", "Silverbrook Windows & Doors", "Blackwater Creek Gravel",
        "Western Slope Potato Growers", "Mountain Laurel Candles", "Ozark Hardwood Flooring",
        "Patriot Pet Foods", "Sweetwater Sugar Refining", "Big Muddy Barge & Rail Supply",
        "Willow Bend Greenhouses", "Plainsman Feed & Seed", "Central Valley Almond Growers",
        "Skyline HVAC Distributors", "Rolling Hills Creamery", "Pioneer Trail Tire Co.",
        "Chesapeake Bay Canners", "Lakeland Citrus Packers", "Cold Springs Water Co.",
        "Quarry Ridge Aggregates", "Tall Timber Paper Mill", "Harvest Moon Bakeries",
        "Crossroads Home Center Supply", "Iron Range Mining Supply", "Arroyo Seco Chile Co.",
        "Crooked River Snack Foods", "Buckeye Steel Service", "Crescent City Coffee Roasters",
        "Prairie Wind Turbine Parts", "Cotton Belt Mattress Co.", "Stonebridge Brick & Block",
        "Heritage Hams & Sausage", "Rio Grande Onion Growers", "Northfork Hay & Forage",
        "Sagebrush Solar Components", "Westfield Housewares", "Pacific Rim Imports",
        "Appalachian Coal & Coke Supply", "Pecan Grove Orchards", "Elm Street Printing Co.",
        "Granary Row Malting", "Cypress Swamp Mulch Co.", "Brightwater Detergents",
        "Sandpiper Glass Works", "Thunder Basin Ranch Supply", "Sugarbush Hollow Syrup Co.",
        "Chisholm Trail Meats", "Longhorn Pipe & Tube", "Lighthouse Pharmacy Distributors",
        "Wolf Creek Industrial Fasteners", "Bridgeport Office Furniture", "Sun Valley Tomato Co.",
        "Meadowbrook Dairy Cooperative", "Great Plains Wind Blades", "Pinnacle Garden Products",
        "Hickory Flats Charcoal", "Ironwood Machinery Sales", "Harborview Frozen Seafood",
        "Gold Coast Juice Co.", "Blue Heron Paper Goods", "Copper Kettle Candy Co.",
        "Brazos Valley Feed Mill", "Fox River Converting", "Saddleback Trailer Sales",
        "Half Moon Bay Nursery", "Mill Creek Tissue Co.",
    ]

    /// Fictional carrier names, mostly small fleets.
    static let carrierNames: [String] = [
        "Red Mesa Transport LLC", "J&R Trucking Inc", "Bluebonnet Express LLC",
        "Two Rivers Freight LLC", "Dusty Road Hauling Inc", "Iron Eagle Logistics LLC",
        "Cornfield Carriers Inc", "Night Owl Express LLC", "Gravel Pit Hauling LLC",
        "Big Country Trucking Inc", "Lazy K Transport LLC", "M&M Freight Lines Inc",
        "Blacktop Express LLC", "Sunset Line Haul Inc", "Cold Chain Runners LLC",
        "Frost Line Reefer Inc", "Steel City Flatbed LLC", "Long Haul Brothers Inc",
        "Prairie Dog Transport LLC", "Lone Pine Carriers LLC", "Blue Star Freightways Inc",
        "Crossroads Cartage LLC", "White Oak Trucking LLC", "Open Road Logistics Inc",
        "Rolling Thunder Freight LLC", "True North Transport Inc", "Coyote Creek Hauling LLC",
        "Midnight Run Express LLC", "Four Corners Freight Inc", "Mile Marker Transport LLC",
        "Gulf Breeze Carriers LLC", "Double Eagle Trucking Inc", "Silver Spur Transport LLC",
        "Hilltop Hauling Co", "Backroads Freight LLC", "Heavy Haul Specialists Inc",
        "Lowboy Masters LLC", "Flat Rock Flatbed LLC", "Patriot Line Carriers Inc",
        "Evergreen Reefer Lines LLC", "Dirt Road Dump Trucks LLC", "Rock Solid Aggregates Hauling Inc",
        "Tri-Axle Transport LLC", "Bottom Dump Bros LLC", "Grain Train Hopper Co",
        "Big Wheel Logistics LLC", "Cross Country Carriers Inc", "Hometown Hauling LLC",
        "Rimrock Ridge Transport LLC", "Clear Creek Trucking Inc", "Two Lane Freight LLC",
        "Mustang Motor Freight Inc", "Badlands Express LLC", "Pelican State Carriers LLC",
        "Razorback Freight Inc", "Magnolia Line Haul LLC", "Sooner State Trucking LLC",
        "Buckeye Flatbed Services Inc", "Empire Valley Transport LLC", "Keystone Cartage Co",
        "Tar Heel Transport LLC", "Peach State Reefer LLC", "Lone Wolf Logistics LLC",
        "Old Glory Freight Inc", "Stateline Express LLC", "Quarter Horse Hauling LLC",
        "Dry Creek Transport Inc", "Whiskey River Trucking LLC", "Timber Ridge Logging & Hauling Inc",
        "Copper State Carriers LLC", "Sagebrush Freight LLC", "High Desert Hauling Inc",
        "Wagon Wheel Transport LLC", "Five Star Car Haulers LLC", "Auto Shuttle Express Inc",
        "T&T Liquid Transport LLC", "Milk Run Tank Lines Inc", "Power Only Pros LLC",
        "Walking Floor Solutions Inc", "Southern Chip Haulers LLC", "Midland Hauling LLC",
        "Osprey Logistics LLC", "Gomez Freight Inc", "DBP Logistics LLC",
        "Wildcat Freight Inc", "Bennett Bros Hauling LLC", "Graham Freight Inc",
        "Marsh Logistics LLC", "Molina Family Trucking LLC", "Grant Trucking LLC",
        "JM Express Inc", "Garcia Carriers LLC", "Martinez Trucking LLC",
        "Panhandle Transport LLC", "Sullivan Carriers LLC", "Daniels Logistics LLC",
        "R&L Trucking Inc", "Ember Transport LLC", "Juniper Logistics LLC",
        "Summit Transport LLC", "Patel Trucking LLC", "H&M Hauling LLC",
        "Rattlesnake Transport LLC", "Crimson Freight Inc", "Highline Transport LLC",
        "Saddle Creek Hauling LLC", "Cottonwood Freight Inc", "Hoffman Family Trucking LLC",
        "Kowalski Trucking LLC", "Gibson Transport LLC", "Wind River Trucking Co",
        "Hansen Trucking LLC", "Timberwolf Transport LLC", "Mesa Freight Inc",
        "Kaur Bros Hauling LLC", "Holt Transport LLC", "P&C Hauling LLC",
        "Yoder Freight Inc", "Bryant Logistics LLC", "Teton Hauling LLC",
        "Cruz Freight Inc", "TH Express Inc", "Soto Bros Hauling LLC",
        "Sandhill Transport LLC", "Delgado Family Trucking LLC", "Jensen Bros Hauling LLC",
        "Bluegrass Motor Freight Inc", "R&F Trucking Inc", "JBP Logistics LLC",
        "Alvarez Express Inc", "Fleming Freight Inc", "N&B Hauling LLC",
        "ALE Logistics LLC", "Warren Family Trucking LLC", "MWJ Logistics LLC",
        "Lopez Family Trucking LLC", "Anderson Express Inc", "Magnolia Trucking Co",
        "HNP Logistics LLC", "KW Express Inc", "Sky High Freight Lines LLC",
        "Oak Hill Logistics LLC", "Salazar & Sons Trucking Inc", "Thunderbird Trucking Co",
        "Lakeside Trucking Co", "Tallgrass Hauling LLC", "Canyon Express LLC",
        "Dixon Express Inc", "Jimenez Transport LLC", "Reynolds Express Inc",
        "Whitaker Transport LLC", "Southern Cross Hauling LLC", "Pioneer Freight Lines LLC",
        "Brazos Freight Lines LLC", "M&S Hauling LLC", "Twin Peaks Transport LLC",
        "Tran Express Inc", "Schmidt Family Trucking LLC", "Owens Carriers LLC",
        "Romero Transport LLC", "GR Express Inc", "E&F Trucking Inc",
        "Cypress Motor Freight Inc", "Ramirez Express Inc", "Vasquez Trucking LLC",
        "Cimarron Carriers Inc", "K&L Trucking Inc", "Eagle Ridge Carriers Inc",
        "McCoy Freight Inc", "LED Logistics LLC", "Zamora Bros Hauling LLC",
        "Blue Line Freight Lines LLC", "LEG Logistics LLC", "Flores Transport LLC",
        "Cobalt Trucking Co", "Rojas Logistics LLC", "A&N Hauling LLC",
        "Big Horn Logistics LLC", "Lucero Trucking LLC", "Bayou Freight Lines LLC",
        "L&H Transport LLC", "Stewart Bros Hauling LLC", "BL Express Inc",
        "Chaparral Carriers Inc", "Collins Freight Inc", "Singh Carriers LLC",
        "D&E Transport LLC", "Spur Express LLC", "Thornton & Sons Trucking Inc",
        "Moreno & Sons Trucking Inc", "Walsh Trucking LLC", "Hamilton Express Inc",
        "Estrada Trucking LLC", "Frontier Express LLC", "G&B Transport LLC",
        "Black Hills Carriers Inc", "Trailblazer Freight Inc", "Jackrabbit Freight Lines LLC",
        "Meyer Family Trucking LLC", "Green River Carriers Inc", "Edwards Freight Inc",
        "Prairie Carriers Inc", "Shoreline Trucking Co", "Flint Hills Trucking Co",
        "D&S Transport LLC", "Foothill Express LLC", "JE Express Inc",
        "Tumbleweed Freight Lines LLC", "H&N Hauling LLC", "Baker Freight Inc",
        "Coleman Carriers LLC", "Cooper Carriers LLC", "Palomino Freight Lines LLC",
        "C&H Hauling LLC", "Duncan Logistics LLC", "Murphy Family Trucking LLC",
        "Gray Wolf Freight Inc", "EBC Logistics LLC", "Douglas Express Inc",
        "Hughes Carriers LLC", "Reyes & Sons Trucking Inc", "T&C Trucking Inc",
        "Wheeler & Sons Trucking Inc", "Amber Arrow Logistics LLC", "M&R Trucking Inc",
        "Sandoval Trucking LLC", "Granite Freight Lines LLC", "Maldonado Trucking LLC",
        "L&M Trucking Inc", "Fischer Transport LLC",
    ]

    /// Common US first names.
    static let firstNames: [String] = [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda",
        "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
        "Thomas", "Sarah", "Christopher", "Karen", "Charles", "Lisa", "Daniel", "Nancy",
        "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret", "Donald", "Ashley",
        "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
        "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah",
        "Timothy", "Stephanie", "Ronald", "Rebecca", "Jason", "Sharon", "Edward", "Laura",
        "Jeffrey", "Cynthia", "Ryan", "Amy", "Jacob", "Kathleen", "Gary", "Angela",
        "Nicholas", "Shirley", "Eric", "Brenda", "Jonathan", "Emma", "Stephen", "Anna",
        "Larry", "Pamela", "Justin", "Nicole", "Scott", "Samantha", "Brandon", "Katherine",
        "Benjamin", "Christine", "Samuel", "Debra", "Gregory", "Rachel", "Alexander", "Carolyn",
        "Patrick", "Janet", "Frank", "Maria", "Raymond", "Olivia", "Jack", "Heather",
        "Dennis", "Helen", "Jerry", "Catherine", "Tyler", "Diane", "Aaron", "Julie",
        "Jose", "Victoria", "Adam", "Joyce", "Nathan", "Lauren", "Henry", "Kelly",
        "Zachary", "Christina", "Douglas", "Ruth", "Peter", "Joan", "Kyle", "Virginia",
        "Noah", "Judith", "Ethan", "Evelyn", "Jeremy", "Hannah", "Christian", "Andrea",
        "Walter", "Megan", "Keith", "Cheryl", "Austin", "Jacqueline", "Roger", "Madison",
        "Terry", "Teresa", "Sean", "Abigail", "Gerald", "Sophia", "Carl", "Martha",
        "Dylan", "Sara", "Harold", "Gloria", "Jordan", "Janice", "Jesse", "Kathryn",
        "Bryan", "Ann", "Lawrence", "Isabella", "Arthur", "Judy", "Gabriel", "Charlotte",
        "Bruce", "Julia", "Logan", "Grace", "Billy", "Amber", "Joe", "Alice",
        "Alan", "Denise", "Juan", "Danielle", "Elijah", "Marilyn", "Willie", "Beverly",
        "Albert", "Natalie", "Wayne", "Theresa", "Randy", "Diana", "Mason", "Brittany",
        "Vincent", "Doris", "Liam", "Kayla", "Roy", "Alexis", "Bobby", "Lori",
        "Caleb", "Marie", "Bradley", "Tiffany", "Russell", "Crystal", "Lucas", "Tammy",
        "Luis", "Carlos", "Miguel", "Jorge", "Tony", "Travis", "Dale", "Curtis",
        "Darrell", "Rodney", "Shane", "Cody", "Wade",
    ]

    /// Common US surnames.
    static let lastNames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
        "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
        "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell",
        "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
        "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy",
        "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
        "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
        "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza",
        "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers",
        "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell",
        "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
        "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
        "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant",
        "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray",
        "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods",
        "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb",
        "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
        "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz",
        "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd",
        "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
        "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver",
        "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins",
        "Arnold", "Pierce", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight",
        "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley",
        "Andrews", "Ray", "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena",
        "Richards", "Willis", "Carpenter", "Lawrence", "Sandoval",
    ]

    /// Commodities by equipment code, realistic for the trailer.
    static let commodities: [String: [String]] = [
        "V": [
            "Paper products", "Canned goods", "Beverages", "Retail store goods",
            "Bottled water", "Household cleaning supplies", "Paper towels and tissue", "Dry pet food",
            "Packaged snacks", "Cereal", "Flour (bagged)", "Sugar (bagged)",
            "Appliances", "Furniture", "Mattresses", "Consumer electronics",
            "Auto parts", "Tires", "Building materials (boxed)", "Flooring",
            "Plastic resin (bagged)", "Corrugated boxes", "Empty cans", "Glass bottles",
            "Cosmetics", "Health and beauty aids", "Apparel", "Toys",
            "Lawn and garden supplies", "Shingles", "Charcoal", "Cat litter",
        ],
        "R": [
            "Fresh produce", "Lettuce", "Strawberries", "Apples",
            "Potatoes", "Onions", "Tomatoes", "Citrus",
            "Avocados", "Berries", "Frozen foods", "Frozen vegetables",
            "Ice cream", "Dairy products", "Cheese", "Yogurt",
            "Fresh meat", "Boxed beef", "Fresh poultry", "Frozen poultry",
            "Pork", "Seafood", "Eggs", "Deli meats",
            "Cut flowers", "Pharmaceuticals (temperature controlled)", "Chocolate and confectionery", "Fresh juice",
        ],
        "F": [
            "Steel coils", "Lumber", "Pipe", "Rebar",
            "Structural steel beams", "Steel plate", "Plywood and OSB", "Bricks on pallets",
            "Concrete block", "Roofing materials", "Utility poles", "Fencing and posts",
            "Sheet metal", "Aluminum ingots", "Precast concrete", "Drywall",
            "Trusses", "Steel tubing",
        ],
        "SD": [
            "Machinery", "HVAC units", "Tractors", "Farm implements",
            "Generators", "Skid steers", "Boom lifts", "Scissor lifts",
            "Forklifts", "Industrial compressors", "Storage tanks", "Electrical switchgear",
            "Steel beams (tall)", "Modular building sections",
        ],
        "DD": [
            "Excavators", "Dozers", "Transformers", "Wheel loaders",
            "Industrial presses", "Large generators", "Crane components", "Mining equipment",
        ],
        "LB": [
            "Excavators", "Dozers", "Transformers", "Motor graders",
            "Compactors", "Crawler cranes", "Paving machines",
        ],
        "RGN": [
            "Excavators", "Dozers", "Transformers", "Combines",
            "Articulated dump trucks", "Track loaders", "Wind turbine components", "Drilling rigs",
        ],
        "HB": [
            "Grain", "Corn", "Soybeans", "Fertilizer",
            "Wheat", "Milo", "Distillers grains", "Feed",
            "Sand (frac)", "Plastic pellets", "Potash", "Rice",
        ],
        "PO": [
            "Trailers", "Loaded trailer (shipper owned)", "Empty trailer repositioning", "Drop trailer",
            "Container chassis", "Mobile office trailer",
        ],
        "CN": [
            "Aluminum extrusions", "Machinery", "Steel coils (tarped)", "Finished lumber",
            "Glass racks", "Solar panels", "Copper wire reels", "Insulation",
            "Paper rolls",
        ],
        "TNK": [
            "Milk", "Liquid fertilizer", "Diesel", "Gasoline",
            "Ethanol", "Vegetable oil", "Corn syrup", "Asphalt emulsion",
            "Water", "Liquid feed supplement", "Propane",
        ],
        "AC": [
            "Vehicles", "New cars", "Used cars (auction)", "Pickup trucks",
            "SUVs", "Lease returns", "Dealer trades",
        ],
        "DT": [
            "Gravel", "Crushed stone", "Asphalt millings", "Fill dirt",
            "Sand", "Topsoil", "Riprap", "Base course",
            "Hot mix asphalt", "Demolition debris",
        ],
        "END": [
            "Gravel", "Crushed stone", "Riprap", "Asphalt millings",
            "Fill dirt", "Sand", "Recycled concrete", "Scrap metal",
            "Boulders",
        ],
        "BD": [
            "Gravel", "Crushed stone", "Sand", "Asphalt millings",
            "Fill dirt", "Topsoil", "Base course", "Pea gravel",
        ],
        "WLK": [
            "Wood chips", "Sawdust", "Mulch", "Bark",
            "Biomass", "Compost", "Baled cotton", "Potatoes (bulk)",
            "Municipal solid waste", "Shredded tires",
        ],
    ]

    /// Equipment mix for generated loads: (code, weight in percent), roughly US load-board shares. Sums to 100.
    static let equipmentMix: [(code: String, weight: Int)] = [
        ("V", 45), ("R", 20), ("F", 14), ("SD", 4), ("DD", 1), ("LB", 1), ("RGN", 1), ("HB", 2),
        ("PO", 2), ("CN", 1), ("TNK", 2), ("AC", 1), ("DT", 3), ("END", 1), ("BD", 1), ("WLK", 1),
    ]

    /// Typical market rate in cents (low...high).
    /// Over-the-road codes (V R F SD DD LB RGN HB PO CN TNK AC): cents PER MILE for long haul.
    /// Construction codes (DT END BD WLK): cents PER TON for short hauls, NOT per mile.
    static let ratePerMileCents: [String: ClosedRange<Int>] = [
        "V": 180...350,   // $1.80-$3.50 per mile
        "R": 210...400,   // $2.10-$4.00 per mile
        "F": 230...420,   // $2.30-$4.20 per mile
        "SD": 250...450,  // $2.50-$4.50 per mile
        "DD": 350...650,  // $3.50-$6.50 per mile
        "LB": 380...700,  // $3.80-$7.00 per mile
        "RGN": 400...750, // $4.00-$7.50 per mile
        "HB": 200...380,  // $2.00-$3.80 per mile
        "PO": 160...300,  // $1.60-$3.00 per mile
        "CN": 260...460,  // $2.60-$4.60 per mile
        "TNK": 250...450, // $2.50-$4.50 per mile
        "AC": 250...500,  // $2.50-$5.00 per mile
        "DT": 500...1500,  // $5.00-$15.00 per ton
        "END": 600...1800, // $6.00-$18.00 per ton
        "BD": 500...1400,  // $5.00-$14.00 per ton
        "WLK": 800...2400, // $8.00-$24.00 per ton
    ]

    /// Typical cargo weight range in lbs per equipment code (LB and RGN above 48,000 lbs need overweight permits).
    static let weightLbs: [String: ClosedRange<Int>] = [
        "V": 8000...45000,
        "R": 12000...44000,
        "F": 15000...48000,
        "SD": 8000...46000,
        "DD": 15000...48000,
        "LB": 30000...80000,
        "RGN": 30000...90000,
        "HB": 45000...52000,
        "PO": 10000...45000,
        "CN": 10000...44000,
        "TNK": 35000...52000,
        "AC": 20000...45000,
        "DT": 28000...54000,
        "END": 40000...50000,
        "BD": 40000...50000,
        "WLK": 25000...48000,
    ]

    /// Typical trailer (or dump body for DT) length in feet per equipment code.
    static let lengthFt: [String: Int] = [
        "V": 53, "R": 53, "F": 48, "SD": 48, "DD": 48, "LB": 48, "RGN": 48, "HB": 42,
        "PO": 53, "CN": 53, "TNK": 42, "AC": 53, "DT": 18, "END": 40, "BD": 40, "WLK": 53,
    ]

    /// Construction job sites near cities; every (city, state) is in `cities`.
    static let jobSites: [(name: String, city: String, state: String)] = [
        ("I-35 widening, Round Rock", "Round Rock", "TX"),
        ("I-35 frontage roads, San Marcos", "San Marcos", "TX"),
        ("Loop 1604 expansion, San Antonio", "San Antonio", "TX"),
        ("I-45 North reconstruction, Houston", "Houston", "TX"),
        ("LBJ East interchange, Dallas", "Dallas", "TX"),
        ("Chisholm Trail Parkway ramps, Fort Worth", "Fort Worth", "TX"),
        ("World Trade Bridge truck lanes, Laredo", "Laredo", "TX"),
        ("Port Freeway overpass, Pharr", "Pharr", "TX"),
        ("I-10 Broadway Curve, Phoenix", "Phoenix", "AZ"),
        ("Distribution center pad, Ontario", "Ontario", "CA"),
        ("I-15 truck climbing lane, San Bernardino", "San Bernardino", "CA"),
        ("Highway 99 realignment, Fresno", "Fresno", "CA"),
        ("Levee rehabilitation, Stockton", "Stockton", "CA"),
        ("Solar farm access roads, Bakersfield", "Bakersfield", "CA"),
        ("I-70 Central reconstruction, Denver", "Denver", "CO"),
        ("SR 400 express lanes, Atlanta", "Atlanta", "GA"),
        ("Garden City terminal yard paving, Savannah", "Savannah", "GA"),
        ("I-4 express lanes, Orlando", "Orlando", "FL"),
        ("Westshore interchange, Tampa", "Tampa", "FL"),
        ("Airport cargo apron, Memphis", "Memphis", "TN"),
        ("I-24 smart corridor, Nashville", "Nashville", "TN"),
        ("Warehouse site grading, Plainfield", "Plainfield", "IN"),
        ("I-465 northwest rebuild, Indianapolis", "Indianapolis", "IN"),
        ("Data center campus grading, Columbus", "Columbus", "OH"),
        ("Brent Spence corridor, Cincinnati", "Cincinnati", "OH"),
        ("Intermodal yard expansion, Joliet", "Joliet", "IL"),
        ("Jane Byrne interchange ramps, Chicago", "Chicago", "IL"),
        ("Riverfront stadium site, Kansas City", "Kansas City", "MO"),
        ("I-70 bridge approach, St. Louis", "St. Louis", "MO"),
        ("Rail spur and laydown yard, Kansas City", "Kansas City", "KS"),
        ("Turnpike widening, Oklahoma City", "Oklahoma City", "OK"),
        ("I-10 Calcasieu bridge approaches, Lake Charles", "Lake Charles", "LA"),
        ("Port terminal fill, Elizabeth", "Elizabeth", "NJ"),
        ("Turnpike interchange 14, Newark", "Newark", "NJ"),
        ("I-81 widening, Harrisburg", "Harrisburg", "PA"),
        ("Warehouse park grading, Carlisle", "Carlisle", "PA"),
        ("I-26 widening, Spartanburg", "Spartanburg", "SC"),
        ("I-85 interchange, Charlotte", "Charlotte", "NC"),
        ("Hampton Roads tunnel spoils, Norfolk", "Norfolk", "VA"),
        ("Sewer interceptor trench, Baltimore", "Baltimore", "MD"),
        ("I-5 bridge replacement approaches, Vancouver", "Vancouver", "WA"),
        ("Orchard replant site prep, Yakima", "Yakima", "WA"),
        ("Highway 20 paving, Boise", "Boise", "ID"),
        ("I-80 resurfacing, Cheyenne", "Cheyenne", "WY"),
        ("Subdivision mass grading, Salt Lake City", "Salt Lake City", "UT"),
        ("Beltway extension, Las Vegas", "Las Vegas", "NV"),
        ("Flood control channel, Albuquerque", "Albuquerque", "NM"),
        ("Wind farm crane pads, Amarillo", "Amarillo", "TX"),
        ("Grain elevator site work, Fargo", "Fargo", "ND"),
        ("Levee raise, Omaha", "Omaha", "NE"),
    ]
}
