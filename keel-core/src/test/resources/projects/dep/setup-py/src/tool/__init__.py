import click
import requests
import yaml
import rich

from tool import cli
