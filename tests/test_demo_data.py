"""The demo's texts live in data files (each app's demo/ folder), not in its Python modules, and
the image ships them."""

import ast
from pathlib import Path

from tests.test_image import dockerignore_patterns, ignored

ROOT = Path(__file__).resolve().parent.parent
LONGEST_LITERAL = 300  # characters: a sentence or two; a paragraph belongs in a data file


def test_no_demo_module_holds_a_page_of_text():
    modules = sorted(ROOT.glob("*/demo*.py"))
    assert {path.parent.name for path in modules} >= {
        "actionplan",
        "ambassadeurs",
        "guides",
        "initiatives",
        "mutuelles",
        "newsletter",
    }
    long_literals = [
        f"{path.relative_to(ROOT)}:{node.lineno} ({len(node.value)} characters)"
        for path in modules
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and len(node.value) > LONGEST_LITERAL
    ]
    assert long_literals == []


def test_the_image_ships_the_demo_data_files():
    files = [path.relative_to(ROOT).as_posix() for path in ROOT.glob("*/demo/**/*")]
    assert "guides/demo/guides.toml" in files
    patterns = dockerignore_patterns()
    assert [name for name in files if ignored(name, patterns)] == []
