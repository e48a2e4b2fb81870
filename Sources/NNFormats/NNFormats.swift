// NNFormats: to be written.
