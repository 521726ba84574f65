"""Any edit to a catalog row, from the admin or code, is a catalog change (models.catalog_changed), so the version
goes up and matchers rebuild. `QuerySet.update()` and `bulk_create()` send no signal: code that uses them calls
`catalog_changed()` itself."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import RoleProfile, RoleSkill, Skill, SkillAlias, catalog_changed


@receiver(post_save, sender=Skill)
@receiver(post_save, sender=SkillAlias)
@receiver(post_save, sender=RoleProfile)
@receiver(post_save, sender=RoleSkill)
@receiver(post_delete, sender=Skill)
@receiver(post_delete, sender=SkillAlias)
@receiver(post_delete, sender=RoleProfile)
@receiver(post_delete, sender=RoleSkill)
def catalog_row_changed(sender, raw=False, **kwargs):
    if not raw:  # loaddata: fixtures carry their own version row
        catalog_changed()
