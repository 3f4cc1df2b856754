"""Text: normalization with exact offset maps, sentences and paragraphs, the lexicon
reader. Every other package reads text through `Normalized` (original, display, key)."""
