from .models import RoleProfile


def role_names():
    return list(RoleProfile.objects.order_by("name").values_list("name", flat=True))


def canonical_role_name(text):
    """The role profile a user meant by name or alias (case-insensitive), or None."""
    wanted = text.strip().lower()
    for name, aliases in RoleProfile.objects.values_list("name", "aliases"):
        if name.lower() == wanted or wanted in (str(alias).lower() for alias in aliases or ()):
            return name
    return None
