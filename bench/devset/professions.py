"""The material the dev-set resumes are written from: for each profession, skills stated in lists and in prose,
implied activities, and trap phrases of every class in issue 11. All sentences are written for this set.

Labels use the name a recruiter would file the skill under (the catalog's name when it has one, else the name job
ads use): a label the catalog does not know yet is a catalog gap and counts as a miss.

Prose entries are (sentence, stated skills, statement class); the statement class says how the skill is written:
- "prose": a plain name or synonym in a sentence;
- "ambiguous_prose": a name that is also a common word, made a skill by its grammar ("a CLI written in Go");
- "grammar_form": the same concept in another grammatical form ("developed seasonal menus" → Menu Development).
List entries are (text, skills, statement class) with classes "list", "nested_list" ("Microsoft Office (Word,
Excel)"), "slash_list" ("A/B/C") and "caps_label" (names under an ALL-CAPS category label).
Implied entries are (sentence, implied skill): an activity that often goes with a concept but does not state it.
Traps are (text, class, skill it could be mistaken for); the classes are listed in TRAP_CLASSES.
"""

TRAP_CLASSES = {
    "implied": "an activity read as the concept it implies",
    "label_or_title": "a category label, job title, degree or course name read as a skill",
    "person": "a person's name read as a skill",
    "employer": "an employer in a title line read as a skill",
    "place": "a place name read as a skill",
    "institution": "an institution, award or metric name read as a skill",
    "colour_or_body": "a colour or a body part read as a skill",
    "common_word": "an ambiguous name used as an ordinary word",
}

PROFESSIONS = {
    "registered_nurse": {
        "titles": ["Registered Nurse", "Charge Nurse", "Telemetry Nurse"],
        "employers": ["Lakeside Regional Medical Center", "Mercy Ridge Hospital", "Northgate Community Clinic"],
        "degree": "Bachelor of Science in Nursing",
        "school": "Eastbrook University School of Nursing",
        "lists": [
            ("Patient Assessment, Medication Administration, IV Therapy, Wound Care", None, "list"),
            ("Epic, Cerner, Electronic Health Records", None, "list"),
            ("Triage/Phlebotomy/Telemetry Monitoring", ["Triage", "Phlebotomy", "Telemetry Monitoring"], "slash_list"),
            ("CLINICAL: BLS, ACLS, Care Planning", ["BLS", "ACLS", "Care Planning"], "caps_label"),
        ],
        "prose": [
            ("Documented every shift assessment in Epic and audited charts weekly", ["Epic"], "prose"),
            ("Started and maintained peripheral IV lines for a 28-bed surgical unit", ["IV Therapy"], "prose"),
            ("Monitored cardiac rhythms on telemetry for up to six patients", ["Telemetry Monitoring"], "grammar_form"),
            ("Drew blood samples by venipuncture for morning labs", ["Phlebotomy"], "prose"),
        ],
        "implied": [
            ("Kept the unit's supply room stocked and labelled", "Inventory Management"),
            ("Sat on the ward's weekly huddle about falls", "Patient Safety"),
        ],
        "soft": [
            ("Strong communication skills with families under stress", ["Communication"]),
            ("Compassionate", ["Empathy"]),
        ],
        "traps": [
            ("References: Ruby Alvarez, Nurse Manager", "person", "Ruby"),
            ("Cared for patients after backbone and hand surgery", "colour_or_body", "Backbone.js"),
            ("Harbor View Oncology Institute, rotation", "institution", "Oncology"),
            ("Nominated for the Spark Award for bedside care", "institution", "Apache Spark"),
        ],
    },
    "construction_manager": {
        "titles": ["Site Superintendent", "Construction Project Manager", "Assistant Superintendent"],
        "employers": ["Granite Peak Builders", "Ironwood Construction Group", "Sterling Civil Works"],
        "degree": "Bachelor of Science in Construction Management",
        "school": "Westfield Polytechnic Institute",
        "lists": [
            ("Procore, Primavera P6, Microsoft Project, AutoCAD", None, "list"),
            ("Blueprint Reading, OSHA, Concrete Mix Design, Cost Estimating", None, "list"),
            (
                "Scheduling/Quality Control/Site Safety/Bluebeam",
                ["Scheduling", "Quality Control", "Site Safety", "Bluebeam Revu"],
                "slash_list",
            ),
            ("FIELD TOOLS: Total Station, Laser Level", ["Total Station", "Laser Level"], "caps_label"),
        ],
        "prose": [
            (
                "Ran pressure and hydrostatic testing on new water mains before sign-off",
                ["Pressure Testing", "Hydrostatic Testing"],
                "prose",
            ),
            (
                "Tracked submittals and RFIs in Procore for a 14-storey residential tower",
                ["Procore", "RFIs and Submittals"],
                "prose",
            ),
            ("Built the three-year look-ahead schedule in Primavera P6", ["Primavera P6"], "prose"),
            ("Marked up drawing sets with Bluebeam Revu during coordination meetings", ["Bluebeam Revu"], "prose"),
        ],
        "implied": [
            ("Walked the site every morning with the trade foremen", "Site Safety"),
            ("Kept a risk register for the owner's monthly review", "Project Risk Management"),
        ],
        "soft": [
            ("Calm leadership skills on crowded job sites", ["Leadership"]),
            ("Problem-solving", ["Problem Solving"]),
        ],
        "traps": [
            ("Superintendent at Chef Boulevard Partners (2016 - 2019)", "employer", "Chef"),
            ("Based in Rust Hollow, MT", "place", "Rust"),
            ("Painted the lobby in a rust-red accent colour", "colour_or_body", "Rust"),
            ("Safety & Compliance:", "label_or_title", "Compliance"),
        ],
    },
    "mechanical_engineer": {
        "titles": ["Mechanical Design Engineer", "Product Engineer", "Manufacturing Engineer"],
        "employers": ["Trident Motion Systems", "Blue Heron Aerospace", "Kessler Pump Works"],
        "degree": "Bachelor of Engineering in Mechanical Engineering",
        "school": "Northfield Institute of Technology",
        "lists": [
            ("SolidWorks, CATIA, ANSYS, MATLAB", None, "list"),
            ("GD&T, Finite Element Analysis, Root Cause Analysis, Six Sigma", None, "list"),
            (
                "Lean Manufacturing/PLC Programming/Design for Manufacturing",
                ["Lean Manufacturing", "PLC Programming", "Design for Manufacturing"],
                "slash_list",
            ),
            ("CAD TOOLS: AutoCAD, Creo", ["AutoCAD", "Creo"], "caps_label"),
        ],
        "prose": [
            ("Rewrote the thermal solver in Julia and cut run time by half", ["Julia"], "ambiguous_prose"),
            ("Fitted wear models in R from three years of field returns", ["R"], "ambiguous_prose"),
            ("Ran modal analysis in ANSYS on the pump housing", ["ANSYS"], "prose"),
            (
                "Wrote ladder logic for the Allen-Bradley PLCs on line 3",
                ["PLC Programming", "Ladder Logic", "Allen-Bradley"],
                "grammar_form",
            ),
        ],
        "implied": [
            ("Ran daily stand-ups for the fixture redesign team", "Scrum"),
            ("Led the weekly scrap review with the quality lead", "Quality Control"),
        ],
        "soft": [("Detail-oriented", ["Attention to Detail"]), ("Critical thinker", ["Critical Thinking"])],
        "traps": [
            ("Julia Brennan, Engineering Director (reference)", "person", "Julia"),
            ("Design Engineer, Splunk Valley Foods (2019 - 2022)", "employer", "Splunk"),
            ("Coursework: Statistics for Engineers", "label_or_title", "Statistics"),
            ("Known as a go-getter on the plant floor", "common_word", "Go"),
        ],
    },
    "staff_accountant": {
        "titles": ["Staff Accountant", "Senior Accountant", "Accounting Analyst"],
        "employers": ["Whitfield & Rowe CPAs", "Harborline Logistics", "Meridian Home Goods"],
        "degree": "Bachelor of Business Administration in Accounting",
        "school": "Crestview State University",
        "lists": [
            ("QuickBooks, NetSuite, Excel, Oracle Hyperion", None, "list"),
            ("GAAP, Accounts Payable, Accounts Receivable, Financial Reporting", None, "list"),
            (
                "Variance Analysis/Account Reconciliation/Month-End Close",
                ["Variance Analysis", "Account Reconciliation", "Month-End Close"],
                "slash_list",
            ),
            (
                "Microsoft Office (Word, Excel, PowerPoint)",
                ["Microsoft Office", "Microsoft Word", "Excel", "PowerPoint"],
                "nested_list",
            ),
        ],
        "prose": [
            ("Reconciled vendor accounts and bank statements every month", ["Account Reconciliation"], "grammar_form"),
            ("Explained budget-to-actual variances to department heads", ["Variance Analysis"], "grammar_form"),
            ("Closed the books in NetSuite within four working days", ["NetSuite"], "prose"),
            ("Prepared SOX control evidence for the external auditors", ["SOX Compliance"], "prose"),
        ],
        "implied": [
            ("Answered auditors' questions during fieldwork", "Auditing"),
            ("Kept a knowledge base of closing procedures", "Knowledge Base Management"),
        ],
        "soft": [("Meticulous", ["Attention to Detail"]), ("Excellent time management", ["Time Management"])],
        "traps": [
            ("Accountant at Bamboo & Co. (2018 - 2021)", "employer", "Bamboo"),
            ("Finance & Analytics:", "label_or_title", "Analytics"),
            ("Received the Sage Circle recognition for accuracy", "institution", "Sage"),
            ("Took a week of R&R after the audit season", "common_word", "R"),
        ],
    },
    "compliance_analyst": {
        "titles": ["Compliance Analyst", "AML Investigator", "KYC Specialist"],
        "employers": ["First Harbor Bank", "Northstar Credit Union", "Atlas Payments"],
        "degree": "Bachelor of Arts in Economics",
        "school": "Riverbend College",
        "lists": [
            ("KYC, Anti-Money Laundering, Risk Assessment, Regulatory Compliance", None, "list"),
            ("Actimize, World-Check, Excel, SQL", None, "list"),
            (
                "Sanctions Screening/Transaction Monitoring/SAR Filing",
                ["Sanctions Screening", "Transaction Monitoring", "SAR Filing"],
                "slash_list",
            ),
            ("REGULATIONS: BSA, GDPR", ["BSA", "GDPR"], "caps_label"),
        ],
        "prose": [
            ("Reviewed customer due diligence files for high-risk accounts", ["Customer Due Diligence"], "prose"),
            ("Queried alert data with SQL to find repeat structuring patterns", ["SQL"], "prose"),
            ("Filed suspicious activity reports within the 30-day window", ["SAR Filing"], "grammar_form"),
            ("Tuned transaction monitoring rules in Actimize", ["Actimize", "Transaction Monitoring"], "prose"),
        ],
        "implied": [
            ("Sat on the monthly risk committee as note-taker", "Risk Management"),
            ("Trained tellers on spotting unusual deposits", "Anti-Money Laundering"),
        ],
        "soft": [
            ("Strong written communication skills", ["Written Communication"]),
            ("Analytical and detail-oriented", ["Attention to Detail"]),
        ],
        "traps": [
            ("Analyst, Python Creek Savings (2017 - 2020)", "employer", "Python"),
            ("Member, Compliance Institute of Oregon", "institution", "Compliance"),
            ("Grew up in Spring Hollow, TX", "place", "Spring"),
            ("Regulatory Compliance Analyst II", "label_or_title", "Regulatory Compliance"),
        ],
    },
    "hr_generalist": {
        "titles": ["HR Generalist", "Talent Acquisition Partner", "People Operations Specialist"],
        "employers": ["Brightwater Health", "Cobalt Retail Group", "Summit Ridge Schools"],
        "degree": "Bachelor of Science in Human Resource Management",
        "school": "Lakemont University",
        "lists": [
            ("Workday, ADP, BambooHR, Greenhouse", None, "list"),
            ("Recruiting, Onboarding, Payroll, Employee Relations", None, "list"),
            (
                "Benefits Administration/HRIS/Performance Management",
                ["Benefits Administration", "HRIS", "Performance Management"],
                "slash_list",
            ),
            ("COMPLIANCE: FMLA, EEO", ["FMLA", "EEO"], "caps_label"),
        ],
        "prose": [
            ("Moved 900 employee records from spreadsheets into Workday", ["Workday"], "prose"),
            ("Ran full-cycle recruiting for 40 hourly roles a quarter", ["Recruiting"], "prose"),
            ("Processed bi-weekly payroll in ADP for three sites", ["Payroll", "ADP"], "prose"),
            ("Investigated employee relations complaints and wrote findings", ["Employee Relations"], "prose"),
        ],
        "implied": [
            ("Posted openings on job boards every Monday", "Talent Sourcing"),
            ("Planned the annual benefits fair", "Event Planning"),
        ],
        "soft": [("Empathetic", ["Empathy"]), ("Excellent communication", ["Communication"])],
        "traps": [
            ("Recruiter at Lever Street Staffing (2019 - 2021)", "employer", "Lever"),
            ("Human Resources Coordinator", "label_or_title", "Human Resources"),
            ("References: Ruby Park, VP People", "person", "Ruby"),
            ("Volunteer at Greenhouse Community Garden on weekends", "institution", "Greenhouse"),
        ],
    },
    "chef": {
        "titles": ["Sous Chef", "Head Chef", "Kitchen Manager"],
        "employers": ["Olive & Thyme Bistro", "The Copper Kettle", "Harbourside Grill"],
        "degree": "Associate of Applied Science in Culinary Arts",
        "school": "Coastal Culinary Institute",
        "lists": [
            ("Menu Development, Food Safety, Inventory Management, Food Cost Control", None, "list"),
            ("ServSafe, HACCP, Toast POS", ["Food Safety", "Toast POS"], "list"),
            ("Catering/Banquet Operations/Butchery", ["Catering", "Banquet Operations", "Butchery"], "slash_list"),
            ("KITCHEN: Sous Vide, Pastry", ["Sous Vide", "Pastry"], "caps_label"),
        ],
        "prose": [
            ("Developed seasonal menus around local growers' produce", ["Menu Development"], "grammar_form"),
            ("Cut food cost from 34% to 29% through portion control", ["Food Cost Control"], "grammar_form"),
            ("Trained line cooks on HACCP temperature logs", ["Food Safety"], "prose"),
            ("Ordered stock and counted inventory every Sunday", ["Inventory Management"], "grammar_form"),
        ],
        "implied": [
            ("Ran the pass on Friday nights for 220 covers", "Kitchen Management"),
            ("Tasted every sauce before service", "Quality Control"),
        ],
        "soft": [
            ("Team player", ["Teamwork"]),
            ("Calm under pressure and adaptable", ["Stress Management", "Adaptability"]),
        ],
        "traps": [
            ("Promoted to head chef within a year", "common_word", "Chef"),
            ("Sous Chef, Salt & Rust Kitchen (2015 - 2018)", "employer", "Rust"),
            ("Plated desserts with an azure-blue glaze", "colour_or_body", "Microsoft Azure"),
            ("Enjoys novels by Julia Fairweather", "person", "Julia"),
        ],
    },
    "teacher": {
        "titles": ["Secondary English Teacher", "Classroom Teacher", "Head of Year"],
        "employers": ["Maple Grove High School", "Riverside Academy", "St. Anne's Middle School"],
        "degree": "Bachelor of Education in Secondary English",
        "school": "Hollis Teachers College",
        "lists": [
            ("Lesson Planning, Curriculum Development, Classroom Management", None, "list"),
            (
                "Google Classroom, Canvas LMS, Microsoft Teams",
                ["Google Classroom", "Canvas LMS", "Microsoft Teams"],
                "list",
            ),
            (
                "Differentiated Instruction/Formative Assessment/Special Education",
                ["Differentiated Instruction", "Formative Assessment", "Special Education"],
                "slash_list",
            ),
            ("DIGITAL: Kahoot, Nearpod", ["Kahoot", "Nearpod"], "caps_label"),
        ],
        "prose": [
            ("Planned weekly lessons for five sections of Year 10 English", ["Lesson Planning"], "grammar_form"),
            (
                "Redesigned the Year 9 curriculum around novels students chose",
                ["Curriculum Development"],
                "grammar_form",
            ),
            ("Posted assignments and feedback in Google Classroom", ["Google Classroom"], "prose"),
            ("Wrote individualized education programs with the SEN team", ["Special Education"], "prose"),
        ],
        "implied": [
            ("Marked 120 essays a week with written comments", "Formative Assessment"),
            ("Ran the after-school debate club", "Public Speaking"),
        ],
        "soft": [("Patient", ["Patience"]), ("Strong communication skills", ["Communication"])],
        "traps": [
            ("English Department Lead", "label_or_title", "English"),
            ("Taught at Swift River Academy (2014 - 2017)", "employer", "Swift"),
            ("Awarded the Ada Lovelace Teaching Prize", "institution", "Ada"),
            ("Lives in Hugo, MN with two rescue dogs", "place", "Hugo"),
        ],
    },
    "logistics_coordinator": {
        "titles": ["Logistics Coordinator", "Warehouse Supervisor", "Dispatch Planner"],
        "employers": ["Crossdock Freight Services", "Pinewood Distribution", "Blue Line Carriers"],
        "degree": "Bachelor of Science in Supply Chain Management",
        "school": "Midland State University",
        "lists": [
            ("Warehouse Management, Route Planning, Inventory Management, Freight Forwarding", None, "list"),
            ("SAP, Manhattan WMS, Excel", ["SAP", "Manhattan WMS", "Excel"], "list"),
            (
                "Forklift Operation/Shipping and Receiving/Cycle Counting",
                ["Forklift Operation", "Shipping and Receiving", "Cycle Counting"],
                "slash_list",
            ),
            ("SYSTEMS: Oracle TMS, Descartes", ["Transportation Management", "Descartes"], "caps_label"),
        ],
        "prose": [
            ("Planned delivery routes for 18 trucks with Descartes", ["Route Planning", "Descartes"], "prose"),
            ("Ran cycle counts that brought stock accuracy to 99.6%", ["Cycle Counting"], "grammar_form"),
            ("Booked ocean and air freight with three forwarders", ["Freight Forwarding"], "grammar_form"),
            ("Operated reach and counterbalance forklifts (certified)", ["Forklift Operation"], "grammar_form"),
        ],
        "implied": [
            ("Handled barcode scanning at the inbound dock", "RFID"),
            ("Checked pallets against packing lists", "Quality Control"),
        ],
        "soft": [("Organized", ["Organization"]), ("Reliable problem solver", ["Reliability", "Problem Solving"])],
        "traps": [
            ("Dispatcher at Kafka Lane Haulage (2016 - 2019)", "employer", "Apache Kafka"),
            ("Based in Maven Point, OR", "place", "Maven"),
            ("Bachelor of Science in Supply Chain Management", "label_or_title", "Supply Chain Management"),
            ("Hobbies: hiking the Cassandra Ridge trail", "place", "Cassandra"),
        ],
    },
    "sales_rep": {
        "titles": ["Account Executive", "Inside Sales Representative", "Territory Sales Manager"],
        "employers": ["Northwind Office Supply", "Clearpath Software", "Redstone Medical Devices"],
        "degree": "Bachelor of Arts in Communication",
        "school": "Bayview University",
        "lists": [
            (
                "Salesforce, HubSpot, Outreach, LinkedIn Sales Navigator",
                ["Salesforce", "HubSpot", "Outreach", "LinkedIn Sales Navigator"],
                "list",
            ),
            ("Lead Generation, Cold Calling, Pipeline Management, Account Management", None, "list"),
            (
                "Metrics/Market Analysis/Forecasting/Salesforce",
                ["Market Analysis", "Forecasting", "Salesforce"],
                "slash_list",
            ),
            ("SOCIAL: LinkedIn, Facebook, Twitter", ["LinkedIn", "Facebook", "Twitter"], "caps_label"),
        ],
        "prose": [
            ("Logged every call and opportunity in Salesforce", ["Salesforce"], "prose"),
            (
                "Built a prospect list from LinkedIn and Twitter and booked 30 demos a month",
                ["LinkedIn", "Twitter"],
                "prose",
            ),
            ("Ran paid campaigns on Facebook for the regional launch", ["Facebook"], "prose"),
            (
                "Kept a clean pipeline and forecast within 5% each quarter",
                ["Pipeline Management", "Forecasting"],
                "grammar_form",
            ),
        ],
        "implied": [
            ("Introduced lead scoring for inbound demo requests", "Lead Qualification"),
            ("Handled contract redlines with procurement", "Contract Negotiation"),
        ],
        "soft": [("Persuasive negotiator", ["Persuasion", "Negotiation"]), ("Resilient", ["Resilience"])],
        "traps": [
            ("Growth Marketing Manager", "label_or_title", "Growth Hacking"),
            ("Sales Rep, Ruby Valley Motors (2015 - 2018)", "employer", "Ruby"),
            ("President's Club, Apex Circle 2022", "institution", "Apex"),
            ("Sales & Marketing:", "label_or_title", "Marketing"),
        ],
    },
    "software_engineer": {
        "titles": ["Software Engineer", "Backend Engineer", "Platform Engineer"],
        "employers": ["Quillstack", "Harborlight Labs", "Tessellate Systems"],
        "degree": "Bachelor of Science in Computer Science",
        "school": "Westbrook University",
        "lists": [
            ("Python, TypeScript, PostgreSQL, Docker, Kubernetes", None, "list"),
            ("AWS, Terraform, Git, Jira", None, "list"),
            ("React/Node.js/GraphQL", ["React", "Node.js", "GraphQL"], "slash_list"),
            ("TESTING: Jest, Pytest", ["Jest", "pytest"], "caps_label"),
        ],
        "prose": [
            ("Shipped a CLI written in Go for rotating service credentials", ["Go"], "ambiguous_prose"),
            ("Replaced Puppet with Chef for the build fleet", ["Puppet", "Chef"], "ambiguous_prose"),
            ("Added snapshot tests with Jest to the design system", ["Jest", "Design Systems"], "ambiguous_prose"),
            ("Moved the billing queue to a Rust service handling 4k events a second", ["Rust"], "ambiguous_prose"),
        ],
        "implied": [
            ("Wrote schema migrations for the orders database", "Database Migration"),
            ("Joined daily stand-ups and sprint demos", "Scrum"),
        ],
        "soft": [("Collaborative", ["Teamwork"]), ("Strong problem-solving skills", ["Problem Solving"])],
        "traps": [
            ("Cloud & DevOps:", "label_or_title", "DevOps"),
            ("Engineer, Swift Current Analytics (2018 - 2020)", "employer", "Swift"),
            ("Won the internal Spark award for reliability", "institution", "Apache Spark"),
            ("Ready to go the extra mile on incidents", "common_word", "Go"),
        ],
    },
    "data_analyst": {
        "titles": ["Data Analyst", "Business Intelligence Analyst", "Reporting Analyst"],
        "employers": ["Greenleaf Grocers", "Vantage Insurance", "Orbit Telecom"],
        "degree": "Bachelor of Science in Statistics",
        "school": "Eastfield University",
        "lists": [
            ("SQL, Python, Tableau, Power BI", None, "list"),
            ("Excel, pandas, Statistics, A/B Testing", ["Excel", "pandas", "Statistics", "A/B Testing"], "list"),
            (
                "Data Cleaning/Dashboards/Regression Analysis",
                ["Data Cleaning", "Data Visualization", "Regression Analysis"],
                "slash_list",
            ),
            ("DATA & ANALYTICS: Snowflake, dbt", ["Snowflake", "dbt"], "caps_label"),
        ],
        "prose": [
            ("Built churn models in R and presented them to the pricing team", ["R"], "ambiguous_prose"),
            ("Moved weekly reporting from Excel to Power BI", ["Excel", "Power BI"], "prose"),
            ("Wrote SQL against Snowflake for the finance close", ["SQL", "Snowflake"], "prose"),
            ("Ran A/B tests on checkout copy with Python", ["A/B Testing", "Python"], "prose"),
        ],
        "implied": [
            ("Cleaned up the team's shared knowledge base", "Knowledge Base Management"),
            ("Presented findings to leadership every month", "Data Storytelling"),
        ],
        "soft": [
            ("Curious and detail-oriented", ["Curiosity", "Attention to Detail"]),
            ("Clear communicator", ["Communication"]),
        ],
        "traps": [
            ("Data & Analytics:", "label_or_title", "Data Analytics"),
            ("Analyst at Tableau Row Furniture (2017 - 2019)", "employer", "Tableau"),
            ("References: Julia Chen, Analytics Manager", "person", "Julia"),
            ("Relocated from Python Lake, ID", "place", "Python"),
        ],
    },
}
