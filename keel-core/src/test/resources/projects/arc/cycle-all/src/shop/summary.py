from shop.report import build

summary = build
