"""The hotel base's centre staff become the register's centre staff (one membership for both).

Every per-object grant of ``hotel.work_in_centre`` on a HotelCentre is copied as
``serce.work_in_centre`` on its serce Centre, for users and groups, so nobody loses a centre on upgrade;
the old grants are removed (nothing reads them any more).
"""

from django.db import migrations


def copy_grants(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    UserObjectPermission = apps.get_model("guardian", "UserObjectPermission")
    GroupObjectPermission = apps.get_model("guardian", "GroupObjectPermission")
    HotelCentre = apps.get_model("hotel", "HotelCentre")
    old_type = ContentType.objects.filter(app_label="hotel", model="hotelcentre").first()
    new_type = ContentType.objects.filter(app_label="serce", model="centre").first()
    if old_type is None or new_type is None:
        return  # a new installation: nothing was granted yet
    old = Permission.objects.filter(content_type=old_type, codename="work_in_centre").first()
    new = Permission.objects.filter(content_type=new_type, codename="work_in_centre").first()
    if old is None:
        return
    if new is None:
        new = Permission.objects.create(
            content_type=new_type, codename="work_in_centre", name="Works in the reception centre"
        )
    centre_of = {str(pk): str(centre) for pk, centre in HotelCentre.objects.values_list("pk", "centre_id")}
    for model, holder in ((UserObjectPermission, "user_id"), (GroupObjectPermission, "group_id")):
        grants = model.objects.filter(permission=old, content_type=old_type)
        for grant in grants:
            centre = centre_of.get(str(grant.object_pk))
            if centre is not None:
                model.objects.get_or_create(
                    permission=new,
                    content_type=new_type,
                    object_pk=centre,
                    **{holder: getattr(grant, holder)},
                )
        grants.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hotel", "0002_alter_hotelcentre_options"),
        ("serce", "0001_initial"),
        ("guardian", "0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_grants, migrations.RunPython.noop)]
