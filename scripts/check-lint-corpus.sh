#!/usr/bin/env bash
# Placeholder until the lint corpus lands (helper H1 replaces this file).
exit 1
