import sphinx

project = "tool"
version = sphinx.__version__
