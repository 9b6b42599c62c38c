"""spaCy --code module for training: registers kg's character tokenizer with word features."""
from kg.nlp.ner import register

register()
