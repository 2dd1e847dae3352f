"""Legal acts get consolidated texts (``LegalActVersion``); pages cite texts (``cited_texts``), not acts.

Data: every existing ``LegalAct`` row described one published text (its journal reference and ELI), so
each becomes that act's first consolidated text, and every page (and each page revision) that listed
the act now cites that text. Whether a newer text exists is then found by the legal-acts check (it
follows the ELI API from a consolidated text to its act) or by loading the current demo data.
"""


import cms_content.models.legal
import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


PAGE_MODELS = ("procedurepage", "informationpage")


def split_acts_into_versions(apps, schema_editor):
    LegalAct = apps.get_model("cms_content", "LegalAct")
    LegalActVersion = apps.get_model("cms_content", "LegalActVersion")
    version_of = {}
    for act in LegalAct.objects.order_by("pk"):
        version = LegalActVersion.objects.create(
            act=act, journal_reference=act.journal_reference, eli=act.eli, sort_order=0
        )
        version_of[act.pk] = version.pk
    for model_name in PAGE_MODELS:
        model = apps.get_model("cms_content", model_name)
        old = model.legal_acts.through
        new = model.cited_texts.through
        page_field = f"{model_name}_id"
        new.objects.bulk_create(
            [
                new(**{page_field: getattr(row, page_field), "legalactversion_id": version_of[row.legalact_id]})
                for row in old.objects.all()
                if row.legalact_id in version_of
            ]
        )
    _rewrite_revisions(apps, "legal_acts", "cited_texts", version_of)


def merge_versions_into_acts(apps, schema_editor):
    LegalActVersion = apps.get_model("cms_content", "LegalActVersion")
    act_of = dict(LegalActVersion.objects.values_list("pk", "act_id"))
    for model_name in PAGE_MODELS:
        model = apps.get_model("cms_content", model_name)
        old = model.legal_acts.through
        new = model.cited_texts.through
        page_field = f"{model_name}_id"
        pairs = {(getattr(row, page_field), act_of[row.legalactversion_id]) for row in new.objects.all()}
        old.objects.bulk_create([old(**{page_field: page, "legalact_id": act}) for page, act in pairs])
    _rewrite_revisions(apps, "cited_texts", "legal_acts", act_of)


def _rewrite_revisions(apps, old_key, new_key, mapping):
    """Page revisions keep the relation as a list of ids in their JSON: map it, so reverting works."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    types = ContentType.objects.filter(app_label="cms_content", model__in=PAGE_MODELS)
    for revision in Revision.objects.filter(content_type__in=types).iterator():
        content = revision.content or {}
        if old_key not in content:
            continue
        ids = content.pop(old_key) or []
        content[new_key] = sorted({mapping[i] for i in ids if i in mapping})
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):

    dependencies = [
        ('cms_content', '0002_review_flagged_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='legalact',
            name='verify_note',
            field=models.CharField(blank=True, help_text='What has not been confirmed at the source yet, e.g. the current consolidated text.', max_length=300, verbose_name='still to be confirmed'),
        ),
        migrations.AlterField(
            model_name='legalact',
            name='eli',
            field=models.CharField(help_text="Of the act as first published (publisher/year/position), for example DU/2013/1650. The legal-acts check reads the act's in-force status and its consolidated texts there.", max_length=60, unique=True, verbose_name='ELI identifier'),
        ),
        migrations.AlterField(
            model_name='legalact',
            name='journal_reference',
            field=models.CharField(help_text='For example: Dz.U. 2013 poz. 1650', max_length=120, verbose_name='journal reference of the act as published'),
        ),
        migrations.CreateModel(
            name='LegalActVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('journal_reference', models.CharField(help_text='For example: Dz.U. 2025 poz. 1079', max_length=120, verbose_name='journal reference')),
                ('eli', models.CharField(help_text='For example DU/2025/1079.', max_length=60, unique=True, validators=[cms_content.models.legal.validate_eli], verbose_name='ELI identifier')),
                ('published_on', models.DateField(blank=True, null=True, verbose_name='published on')),
                ('amended_by', models.CharField(blank=True, help_text='Amending acts published after this text, e.g. Dz.U. 2025 poz. 1794.', max_length=200, verbose_name='later amendments')),
                ('act', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='cms_content.legalact', verbose_name='act')),
                ('superseded_by', models.ForeignKey(blank=True, help_text='The newer consolidated text that replaced this one; empty while this one is current.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='supersedes', to='cms_content.legalactversion', verbose_name='superseded by')),
            ],
            options={
                'verbose_name': 'consolidated text',
                'verbose_name_plural': 'consolidated texts',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='informationpage',
            name='cited_texts',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='information_pages', to='cms_content.legalactversion', verbose_name='legal basis (consolidated texts cited)'),
        ),
        migrations.AddField(
            model_name='procedurepage',
            name='cited_texts',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='procedure_pages', to='cms_content.legalactversion', verbose_name='legal basis (consolidated texts cited)'),
        ),
            migrations.RunPython(split_acts_into_versions, merge_versions_into_acts),
        migrations.RemoveField(
            model_name='informationpage',
            name='legal_acts',
        ),
        migrations.RemoveField(
            model_name='procedurepage',
            name='legal_acts',
        ),
    ]
