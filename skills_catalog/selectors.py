def role_names():
    from .models import RoleProfile

    return list(RoleProfile.objects.order_by("name").values_list("name", flat=True))


def find_role(roles, text):
    """The role (anything with `name` and `aliases`) a user meant by name or alias, case-insensitive, or None.

    The one place a role is looked up by name: the API checks a `target_role` against the database rows with it, and
    the pipeline finds the role among the compiled matcher's roles with it (no database there)."""
    wanted = text.strip().lower()
    for role in roles:
        if role.name.lower() == wanted or wanted in (str(alias).lower() for alias in role.aliases or ()):
            return role
    return None


def canonical_role_name(text):
    """The role profile a user meant by name or alias (case-insensitive), or None."""
    # Imported here so that find_role, which the ORM-free pipeline and benchmarks use, needs no configured Django.
    from .models import RoleProfile

    role = find_role(RoleProfile.objects.only("name", "aliases"), text)
    return role.name if role else None
