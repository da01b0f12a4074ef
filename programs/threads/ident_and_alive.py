# Thread identity and lifetime: ident, native_id, get_ident(), get_native_id(), is_alive().
# Added beyond the notes to cover the identity API; seeds/000_b287556471e6e9bb.txt, section
# "Thread object attributes and methods", lists name, ident, daemon and is_alive(); its
# Python 2 isAlive() is is_alive() in Python 3. Only facts that always hold are printed,
# never the numbers themselves.
import threading
import _thread
import time

gate = threading.Lock()
gate.acquire()
seen = {}
seen_lock = threading.Lock()


def worker(key):
    me = threading.current_thread()
    with seen_lock:
        seen[key] = {
            'ident': threading.get_ident(),
            '_thread ident': _thread.get_ident(),
            'native': threading.get_native_id(),
            'ident matches': me.ident == threading.get_ident(),
            'native matches': me.native_id == threading.get_native_id(),
            'alive inside': me.is_alive(),
        }
    gate.acquire()
    gate.release()


a = threading.Thread(target=worker, args=('a',))
b = threading.Thread(target=worker, args=('b',))
print('before start: ident', a.ident, '| native_id', a.native_id, '| alive', a.is_alive())
a.start()
b.start()
print('after start: ident is int', type(a.ident) is int, '| native_id is int', type(a.native_id) is int)
print('alive while blocked:', a.is_alive(), b.is_alive())
while len(seen) < 2:
    time.sleep(0.01)
for key in ['a', 'b']:
    s = seen[key]
    print(key, 'ident matches get_ident():', s['ident matches'],
          '| native_id matches:', s['native matches'],
          '| _thread.get_ident() == threading.get_ident():', s['_thread ident'] == s['ident'],
          '| alive inside:', s['alive inside'])
print('two live threads have different idents:', seen['a']['ident'] != seen['b']['ident'])
print('... and different native ids:', seen['a']['native'] != seen['b']['native'])
gate.release()
a.join()
b.join()
print('after join: alive', a.is_alive(), b.is_alive())
print('ident kept after join:', a.ident == seen['a']['ident'])

main = threading.main_thread()
print('main ident == get_ident():', main.ident == threading.get_ident())
print('main native_id == get_native_id():', main.native_id == threading.get_native_id())
print('main ident differs from workers:', main.ident not in (seen['a']['ident'], seen['b']['ident']))
print('main alive:', main.is_alive())
