#!/bin/sh
# nightly job
papermill notebooks/train.ipynb /tmp/train-out.ipynb -p day "$(date +%F)"
