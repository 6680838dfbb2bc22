"""Built-in readers, one input format per module; importing registers them."""
