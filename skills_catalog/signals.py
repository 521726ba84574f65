"""Any edit to the catalog, from the admin or code, bumps the catalog version so matchers rebuild.

Bulk `QuerySet.update()` sends no signal: code that uses it calls `bump_catalog_version()` itself.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import RoleProfile, RoleSkill, Skill, SkillAlias, bump_catalog_version


@receiver(post_save, sender=Skill)
@receiver(post_save, sender=SkillAlias)
@receiver(post_save, sender=RoleProfile)
@receiver(post_save, sender=RoleSkill)
@receiver(post_delete, sender=Skill)
@receiver(post_delete, sender=SkillAlias)
@receiver(post_delete, sender=RoleProfile)
@receiver(post_delete, sender=RoleSkill)
def catalog_changed(sender, raw=False, **kwargs):
    if not raw:
        bump_catalog_version()
