# Simulated concurrent "downloads" with a Thread subclass that stores each result.
# Ports seeds/004_249857bcae2b796f.txt, section "The flag download example" (MyThread with
# download_one(cc) and download_many(cc_list) from the `flags` helper module). Changed: there
# is no network or `flags` module here, so get_flag() sleeps briefly and builds a fake image,
# save_flag() stores it in a dict, and show() records the code instead of printing it from
# the worker thread; main() prints the summary the flags helper would.
import threading
from threading import Thread
import time

CC_LIST = 'CN IN US ID BR PK NG BD RU JP'.split()
saved = {}
shown = []
saved_lock = threading.Lock()


class MyThread(Thread):

    def __init__(self, func, args, name=""):
        super(MyThread, self).__init__()
        self.name = name
        self.func = func
        self.args = args

    def getResult(self):
        return self.res

    def run(self):
        self.res = self.func(*self.args)


def get_flag(cc):
    time.sleep(0.05)
    return '<gif %s>' % cc


def show(cc):
    with saved_lock:
        shown.append(cc)


def save_flag(image, filename):
    with saved_lock:
        saved[filename] = image


def download_one(cc):
    image = get_flag(cc)
    show(cc)
    save_flag(image, cc.lower() + '.gif')
    return cc


def download_many(cc_list):
    threads = []
    for cc in cc_list:
        thread = MyThread(download_one, (cc, ), download_one.__name__)
        threads.append(thread)

    for thread in threads:
        thread.start()

    for thread in threads:
        thread.join()

    print('results in order:', ' '.join(t.getResult() for t in threads))
    return len(list(threads))


def main(downloader):
    begin = time.monotonic()
    count = downloader(sorted(CC_LIST))
    elapsed = time.monotonic() - begin
    print('shown:', ' '.join(sorted(shown)))
    for filename in sorted(saved):
        print(filename, saved[filename])
    print('%d flags downloaded.' % count)
    print('took at least one download time:', elapsed >= 0.05)


if __name__ == '__main__':
    main(download_many)
