from setuptools import find_packages, setup

# install_requires=["not-this"] in a comment is not read.
REQUIRES = [
    "requests>=2",
    "arrow",
]

setup(
    name="tool",
    package_dir={"": "src"},
    packages=find_packages("src"),
    install_requires=REQUIRES + ["click"],
    extras_require={"yaml": ["PyYAML"], "test": ["pytest"], "docs": ["sphinx"]},
)
