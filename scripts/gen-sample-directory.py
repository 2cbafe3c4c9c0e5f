# Generates content/support/sample_directory.csv: fictional providers for the demo and tests.
import csv, random
random.seed(8)
cities = [
  # city, region, country, postcode, lat, lon, currency, insurance plans, languages
  ("London", "England", "GB", "SW1A 1AA", 51.5010, -0.1416, "GBP", ["bupa", "axa-health", "vitality"], ["english", "polish", "urdu"]),
  ("London", "England", "GB", "N1 9GU", 51.5362, -0.1033, "GBP", ["bupa", "aviva"], ["english", "spanish"]),
  ("Manchester", "England", "GB", "M1 1AE", 53.4808, -2.2426, "GBP", ["bupa", "vitality"], ["english", "urdu"]),
  ("Dublin", "Leinster", "IE", "D02", 53.3382, -6.2591, "EUR", ["vhi", "laya"], ["english", "irish"]),
  ("New York", "NY", "US", "10001", 40.7506, -73.9972, "USD", ["aetna", "cigna", "united-healthcare"], ["english", "spanish", "mandarin"]),
  ("Chicago", "IL", "US", "60601", 41.8853, -87.6229, "USD", ["blue-cross-blue-shield", "aetna"], ["english", "spanish", "polish"]),
  ("Toronto", "ON", "CA", "M5V 2T6", 43.6426, -79.3871, "CAD", ["sun-life", "manulife"], ["english", "french", "cantonese"]),
  ("Sydney", "NSW", "AU", "2000", -33.8688, 151.2093, "AUD", ["medibank", "bupa"], ["english", "greek", "vietnamese"]),
]
first = ["Avery", "Briar", "Callum", "Dara", "Eden", "Farah", "Gale", "Hollis", "Indira", "Jory",
         "Kit", "Linnea", "Marlow", "Noor", "Oren", "Priya", "Quinn", "Rosalind", "Sol", "Tamsin",
         "Ulla", "Vesper", "Wren", "Xavi", "Yara", "Zane", "Ines", "Bram", "Cleo", "Dov",
         "Elio", "Fenna", "Gideon", "Hana", "Ivo", "Juno", "Keziah", "Lior", "Mira", "Nico"]
last = ["Examplewood", "Samplefield", "Fictonby", "Demoworth", "Placeholme", "Mockridge",
        "Testbury", "Pretendale", "Imagina", "Makebelieve"]
specialties = ["relationships", "attachment", "anxiety", "depression", "trauma", "grief",
               "couples", "family-conflict", "self-esteem", "life-transitions", "lgbtq",
               "parenting", "stress", "emotional-regulation"]
therapies = ["eft", "efit", "gottman", "aedp", "schema", "mbt", "abft", "dbt", "cbt", "act",
             "emdr", "psychodynamic", "ifs", "person-centred", "compassion-focused"]
types = ["therapist"] * 6 + ["counsellor"] * 3 + ["psychologist"] * 2 + ["psychiatrist", "support-group", "treatment-centre"]
creds = {"therapist": ["MA, registered psychotherapist", "LMFT", "MSc, UKCP registered"],
         "counsellor": ["MBACP (Accred)", "LPC", "Dip. Couns."],
         "psychologist": ["PhD, clinical psychologist", "PsyD", "DClinPsy"],
         "psychiatrist": ["MD, psychiatrist", "MRCPsych"],
         "support-group": ["Peer-led group"], "treatment-centre": ["Day programme"]}
faiths = ["", "", "", "christian", "jewish", "muslim", "buddhist"]
genders = ["female", "male", "non-binary", "female", "male"]
columns = ["id", "name", "credentials", "licence", "practice", "type", "address", "city", "region",
           "postcode", "country", "latitude", "longitude", "telehealth", "in_person", "specialties",
           "therapy_types", "populations", "participants", "languages", "fee_min", "fee_max",
           "currency", "sliding_scale", "insurance", "accepting_new_clients", "gender", "faith",
           "ethnicity", "website", "phone", "email", "about"]
rows = []
for i in range(40):
    city = cities[i % len(cities)]
    name_first = first[i]
    name_last = last[(i * 7) % len(last)]
    t = types[i % len(types)]
    name = f"{name_first} {name_last}" if t not in ("support-group", "treatment-centre") else \
        (f"{name_last} Attachment Circle" if t == "support-group" else f"{name_last} Wellbeing Centre")
    th = random.sample(therapies, random.randint(1, 3))
    if i % 5 == 0 and "eft" not in th: th[0] = "eft"
    sp = random.sample(specialties, random.randint(2, 5))
    parts = ["individuals"]
    if "eft" in th or "gottman" in th: parts.append("couples")
    if "abft" in th: parts.append("families")
    if t == "support-group": parts = ["groups"]
    pops = ["adults"] + (["teens"] if random.random() < 0.3 else []) + (["older-adults"] if random.random() < 0.3 else [])
    jitter_lat = (random.random() - 0.5) * 0.12
    jitter_lon = (random.random() - 0.5) * 0.18
    only_postcode = i % 9 == 4  # a few give a postcode only (resolved through the table)
    fee = random.choice([0, 40, 55, 60, 70, 80, 90, 110, 130, 150, 180]) if t != "support-group" else 0
    online = random.random() < 0.7
    inperson = True if not online else random.random() < 0.7
    langs = ["english"] + random.sample(city[8][1:], random.randint(0, 1))
    slug = f"{name_first}-{name_last}".lower()
    rows.append({
        "id": f"sample-{i+1:03d}", "name": name, "credentials": random.choice(creds[t]),
        "licence": f"SAMPLE-{city[2]}-{1000 + i*37}", "practice": f"{name_last} Practice (sample)",
        "type": t, "address": f"{10 + i} Example Street", "city": city[0], "region": city[1],
        "postcode": city[3], "country": city[2],
        "latitude": "" if only_postcode else f"{city[4] + jitter_lat:.4f}",
        "longitude": "" if only_postcode else f"{city[5] + jitter_lon:.4f}",
        "telehealth": "yes" if online else "no", "in_person": "yes" if inperson else "no",
        "specialties": ";".join(sp), "therapy_types": ";".join(th), "populations": ";".join(pops),
        "participants": ";".join(parts), "languages": ";".join(langs),
        "fee_min": str(fee), "fee_max": str(fee + random.choice([0, 20, 40])) if fee else "0",
        "currency": city[6], "sliding_scale": "yes" if random.random() < 0.35 else "no",
        "insurance": ";".join(random.sample(city[7], random.randint(0, len(city[7])))),
        "accepting_new_clients": "no" if i % 6 == 5 else "yes",
        "gender": "" if t in ("support-group", "treatment-centre") else genders[i % len(genders)],
        "faith": faiths[i % len(faiths)], "ethnicity": "",
        "website": f"https://example.org/{slug}", "phone": f"+00 555 01{i:02d}",
        "email": f"{slug}@example.org",
        "about": (f"A fictional {t.replace('-', ' ')} in {city[0]}, made up for the SecureBase demo. "
                  f"Works with {', '.join(s.replace('-', ' ') for s in sp[:3])}. "
                  + ("Draws on attachment theory to help people feel safer with those close to them. " if set(th) & {"eft", "efit", "gottman", "aedp", "schema", "mbt", "abft"} else "")
                  + "Not a real person or service."),
    })
with open("content/support/sample_directory.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
with open("content/support/sample_postcodes.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["country", "postcode", "latitude", "longitude", "place"])
    for c in cities:
        w.writerow([c[2], c[3], f"{c[4]:.4f}", f"{c[5]:.4f}", c[0]])
    for extra in [("GB", "EC1A 1BB", 51.5200, -0.0977, "London"), ("GB", "E1 6AN", 51.5190, -0.0760, "London"),
                  ("GB", "M14 5TQ", 53.4473, -2.2195, "Manchester"), ("US", "11201", 40.6940, -73.9903, "Brooklyn"),
                  ("US", "60614", 41.9227, -87.6533, "Chicago"), ("CA", "M4Y 1R5", 43.6677, -79.3848, "Toronto"),
                  ("AU", "2010", -33.8831, 151.2167, "Surry Hills"), ("IE", "D08", 53.3397, -6.2862, "Dublin")]:
        w.writerow([extra[0], extra[1], f"{extra[2]:.4f}", f"{extra[3]:.4f}", extra[4]])
