def tidy(frame):
    return frame.dropna()
