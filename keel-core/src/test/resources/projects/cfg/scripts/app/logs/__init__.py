import logging


class Handler(logging.Handler):
    def emit(self, record):
        try:
            self.send(record)
        except OSError:
            print("could not send the log record")
