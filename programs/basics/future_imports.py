"""A Python 2 style script header: from __future__ imports (annotations stops annotations from being evaluated)."""
from __future__ import print_function, division
from __future__ import annotations
import __future__


class Node:
    value: int
    next: Node = None


print(7 / 2, 7 // 2)
print(__future__.division, __future__.annotations)
print(__future__.annotations.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.all_feature_names)
n = Node()
print(n.next)
