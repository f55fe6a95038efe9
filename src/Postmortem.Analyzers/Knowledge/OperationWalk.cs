using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Postmortem.Analyzers.Knowledge
{
    /// <summary>
    /// A depth-first, source-order walk of an operation tree for <c>foreach</c>: the walks of our rules (a member searched
    /// for the deletion of a file, a try block for writes, a path for its parts) without the costs of Roslyn's
    /// <c>Descendants()</c>, which runs an iterator over a stack of child enumerators that it pops and pushes back for
    /// every node. Here the enumerators stay in one array and the top one is advanced in place. No recursion: a
    /// concatenation of thousands of strings nests as deep as it is long.
    /// </summary>
    internal struct OperationWalk
    {
        private readonly IOperation _root;
        private readonly bool _skipFunctionBodies;
        private IOperation.OperationList.Enumerator[]? _stack;
        private int _count;
        private IOperation? _current;
        private bool _started;
        private bool _selfPending;

        public OperationWalk(IOperation root, bool includeSelf, bool skipFunctionBodies)
        {
            _root = root;
            _skipFunctionBodies = skipFunctionBodies;
            _stack = null;
            _count = 0;
            _current = null;
            _started = false;
            _selfPending = includeSelf;
        }

        public OperationWalk GetEnumerator() => this;

        public IOperation Current => _current!;

        public bool MoveNext()
        {
            IOperation? descendInto;
            if (!_started)
            {
                _started = true;
                if (_selfPending)
                {
                    // The root first; the next call descends into it (the root's children are walked even when it is a lambda).
                    _selfPending = false;
                    _current = _root;
                    return true;
                }

                descendInto = _root;
            }
            else
            {
                // Descend into the node returned last.
                descendInto = _current is not null &&
                              (_current == _root || !(_skipFunctionBodies && _current is IAnonymousFunctionOperation or ILocalFunctionOperation))
                    ? _current
                    : null;
            }

            if (descendInto is not null)
            {
                // A leaf (most nodes: references, literals) is not pushed: only a node with a child keeps an enumerator,
                // so a walk of a single reference allocates nothing and the stack is one shorter.
                var children = descendInto.ChildOperations.GetEnumerator();
                if (children.MoveNext())
                {
                    Push(children);
                    if (children.Current is { } first)
                    {
                        _current = first;
                        return true;
                    }
                }
            }

            while (_count > 0)
            {
                ref var top = ref _stack![_count - 1];
                if (top.MoveNext())
                {
                    var next = top.Current;
                    if (next is null)
                    {
                        continue;
                    }

                    _current = next;
                    return true;
                }

                _count--;
            }

            _current = null;
            return false;
        }

        private void Push(IOperation.OperationList.Enumerator children)
        {
            if (_stack is null)
            {
                _stack = new IOperation.OperationList.Enumerator[8];
            }
            else if (_count == _stack.Length)
            {
                System.Array.Resize(ref _stack, _count * 2);
            }

            _stack[_count++] = children;
        }
    }
}
