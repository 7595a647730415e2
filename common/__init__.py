"""What the generator and grading command lines share: files written atomically, bad input, the CLI's parser
and progress bar. Nothing here knows about health data or notebooks."""
