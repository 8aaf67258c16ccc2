import jinja2
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

# ruleid: py-jinja2-autoescape-false
env = Environment(loader=FileSystemLoader("templates"))

# ruleid: py-jinja2-autoescape-false
explicit_off = jinja2.Environment(autoescape=False)

# ruleid: py-jinja2-autoescape-false
template = Template("<p>{{ name }}</p>")

# ok: py-jinja2-autoescape-false
safe_env = Environment(loader=FileSystemLoader("templates"), autoescape=True)

# ok: py-jinja2-autoescape-false
html_env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html"]))

# ok: py-jinja2-autoescape-false
safe_template = Template("<p>{{ name }}</p>", autoescape=True)
