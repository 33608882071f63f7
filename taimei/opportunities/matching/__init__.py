"""The matchmaking engine: which members fit a post, which posts fit a member, and why.

- `glossary`: the bilingual domain glossary and the phrase matcher (晶圓 ↔ wafer).
- `features`: what each side looks like to the engine (pure data).
- `scorer`: the score of one pair, its breakdown and its reasons.
- `retrieval`: inverted indexes that rank a whole population quickly and exactly.
- `engine`: the bridge to the database (building and caching the indexes, feedback).
"""
