"""The pure analysis pipeline: PDF bytes in, a Report out. No ORM, no requests, no settings lookups."""
