# Once the main module has finished, the main thread counts as stopped while the
# interpreter waits for the other threads: joining it returns and is_alive() is False.
import threading
import time

joined = threading.Event()


def joiner():
    threading.main_thread().join()
    main = threading.main_thread()
    print("joiner: main finished; alive:", main.is_alive())
    print("joiner: main still enumerated:", main in threading.enumerate())
    print("joiner: active_count:", threading.active_count())
    print("joiner: stopped in repr:", "stopped" in repr(main))
    joined.set()


def poller():
    # The "stop when the main thread exits" watchdog idiom.
    while threading.main_thread().is_alive():
        time.sleep(0.01)
    joined.wait()
    print("poller: main finished")


threading.Thread(target=joiner).start()
threading.Thread(target=poller).start()
print("main alive:", threading.main_thread().is_alive())
print("main done")
