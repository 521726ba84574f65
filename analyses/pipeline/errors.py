class UnreadablePdf(Exception):
    """The file cannot be analysed; `message` is shown to the applicant as the failure reason."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code

    def __reduce__(self):  # pickled whole, so a child process can hand it to its parent (analyses/isolation.py)
        return type(self), (self.message, self.code)
