import gc

from backoffice.ui.collector import GuiThreadCollector


def test_collection_moves_to_the_gui_thread(qapp):
    collector = GuiThreadCollector()
    was_enabled = gc.isenabled()
    collector.start()
    try:
        assert not gc.isenabled()
        garbage = []
        garbage.append(garbage)  # a cycle only the cyclic collector frees
        del garbage
        threshold = gc.get_threshold()[0]
        for _ in range(threshold + 10):
            [].append([])
        cycles = [[] for _ in range(threshold + 10)]
        for item in cycles:
            item.append(item)
        del cycles
        before = gc.get_count()[0]
        collector.collect_if_due()
        assert gc.get_count()[0] < before
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
    assert gc.isenabled() or not was_enabled
