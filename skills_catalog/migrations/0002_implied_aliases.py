"""Issue 11: aliases that only imply their skill ("barcode scanning" for RFID, "stand-ups" for Scrum) left the
shipped catalog for the skills' `implied_by` lists. Databases loaded before keep them as aliases, which would go on
reporting the implied skill as stated: remove exactly those (skill, alias) pairs. Nothing else is touched."""

from django.db import migrations

MOVED = [
    ('Project Risk Management', 'risk register'),
    ('Project Risk Management', 'RAID log'),
    ('Bills of Lading', 'shipping documents'),
    ('Bills of Lading', 'shipping documentation'),
    ('RFID', 'barcode scanning'),
    ('RFID', 'barcoding'),
    ('RFID', 'RF scanners'),
    ('RFID', 'barcode scanners'),
    ('RFID', 'handheld scanners'),
    ('minikube', 'kind cluster'),
    ('Istio', 'service mesh'),
    ('Pingdom', 'uptime monitoring'),
    ('SLOs', 'error budgets'),
    ('VLOOKUP', 'lookup functions'),
    ('Natural Language Processing', 'text mining'),
    ('Computer Vision', 'image processing'),
    ('LoRA', 'parameter-efficient fine-tuning'),
    ('Database Design', 'data modeling'),
    ('Database Design', 'data modelling'),
    ('Database Migration', 'schema migrations'),
    ('Database Sharding', 'table partitioning'),
    ('PgBouncer', 'connection pooling'),
    ('NEC', 'arc flash'),
    ('SPICE', 'circuit simulation'),
    ('UART', 'serial communication'),
    ('FEA', 'structural simulation'),
    ('Sheet Metal Design', 'sheet metal'),
    ('3D Scanning', 'reverse engineering parts'),
    ('P&ID', 'process flow diagrams'),
    ('Journal Entries', 'accrual accounting'),
    ('Mergers and Acquisitions', 'due diligence'),
    ('Perioperative Nursing', 'operating room'),
    ('Point-of-Care Testing', 'glucose monitoring'),
    ('CRISPR', 'gene editing'),
    ('HIPAA', 'protected health information'),
    ('DICOM', 'picture archiving and communication system'),
    ('Knowledge Base Management', 'knowledge base'),
    ('PowerPoint', 'slide decks'),
    ('PowerPoint', 'presentation decks'),
    ('Meeting Coordination', 'minute taking'),
    ('Meeting Coordination', 'taking minutes'),
    ('Phone Etiquette', 'call handling'),
    ('Office Supplies Management', 'office supplies'),
    ('Social Media Management', 'social media'),
    ('Lead Qualification', 'lead scoring'),
    ('DocuSign', 'e-signatures'),
    ('DocuSign', 'electronic signatures'),
    ('Hashcat', 'password cracking'),
    ('Baking', 'cake decorating'),
    ('Banquets', 'catering services'),
    ('Masonry', 'concrete finishing'),
    ('Windows Deployment Services', 'disk imaging'),
    ('Data Center Operations', 'data center'),
    ('Wireshark', 'packet sniffing'),
    ('SMTP', 'email protocols'),
    ('Test Data Management', 'test data'),
    ('Scrum', 'sprint planning'),
    ('Scrum', 'daily standups'),
    ('Scrum', 'stand-ups'),
    ('Scrum', 'sprint retrospectives'),
    ('XState', 'state machines'),
]


def remove_implying_aliases(apps, schema_editor):
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in MOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0001_initial")]

    operations = [migrations.RunPython(remove_implying_aliases, migrations.RunPython.noop)]
