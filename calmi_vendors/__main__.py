"""`python -m calmi_vendors` behaves like the `calmi-vendors` command."""

from calmi_vendors.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
