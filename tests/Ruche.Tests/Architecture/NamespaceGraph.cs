using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Ruche.Tests.Architecture;

/// <summary>
/// Which feature namespaces of an assembly use which, read from its compiled code (signatures, fields, attributes and
/// every instruction's operand), so a dependency hidden in an inline name or a method body counts like a <c>using</c>.
/// A feature is the first namespace segment under the root (<c>Ruche.Core.Posts.X</c> belongs to Posts).
/// </summary>
internal sealed class NamespaceGraph
{
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> edges = new(StringComparer.Ordinal);

    private NamespaceGraph(string root) => Root = root;

    public string Root { get; }

    public IEnumerable<string> Features => edges.Keys.Concat(edges.Values.SelectMany(e => e.Keys)).Distinct(StringComparer.Ordinal);

    public static NamespaceGraph Read(string assemblyPath, string root)
    {
        var graph = new NamespaceGraph(root);
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            if (graph.FeatureOf(type) is not { } from)
            {
                continue;
            }

            var where = Outermost(type).Name;
            graph.Add(from, type.BaseType, where);
            foreach (var item in type.Interfaces)
            {
                graph.Add(from, item.InterfaceType, where);
            }

            foreach (var field in type.Fields)
            {
                graph.Add(from, field.FieldType, where);
            }

            foreach (var property in type.Properties)
            {
                graph.Add(from, property.PropertyType, where);
            }

            foreach (var attribute in type.CustomAttributes)
            {
                graph.Add(from, attribute.AttributeType, where);
            }

            foreach (var method in type.Methods)
            {
                graph.AddMethod(from, method, where);
            }
        }

        return graph;
    }

    /// <summary>The types of <paramref name="from"/> that use <paramref name="to"/>.</summary>
    public IReadOnlyCollection<string> Users(string from, string to) =>
        edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var users) ? users : [];

    public bool Uses(string from, string to) => Users(from, to).Count > 0;

    /// <summary>The groups of features that reach each other through their imports (strongly connected, more than one).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlySet<string> ignored)
    {
        var nodes = Features.Where(f => !ignored.Contains(f)).Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, n => Reachable(n, ignored), StringComparer.Ordinal);
        return nodes
            .Select(n => (IReadOnlyList<string>)nodes.Where(m => reach[n].Contains(m) && reach[m].Contains(n)).Append(n).Distinct().Order(StringComparer.Ordinal).ToList())
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join(' ', group))
            .ToList();
    }

    private HashSet<string> Reachable(string start, IReadOnlySet<string> ignored)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var node))
        {
            foreach (var next in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!ignored.Contains(next) && seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    private void AddMethod(string from, MethodDefinition method, string where)
    {
        Add(from, method.ReturnType, where);
        foreach (var parameter in method.Parameters)
        {
            Add(from, parameter.ParameterType, where);
        }

        foreach (var attribute in method.CustomAttributes)
        {
            Add(from, attribute.AttributeType, where);
        }

        if (!method.HasBody)
        {
            return;
        }

        foreach (var variable in method.Body.Variables)
        {
            Add(from, variable.VariableType, where);
        }

        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference type:
                    Add(from, type, where);
                    break;
                case MethodReference called:
                    Add(from, called.DeclaringType, where);
                    Add(from, called.ReturnType, where);
                    foreach (var parameter in called.Parameters)
                    {
                        Add(from, parameter.ParameterType, where);
                    }

                    if (called is GenericInstanceMethod generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            Add(from, argument, where);
                        }
                    }

                    break;
                case FieldReference field:
                    Add(from, field.DeclaringType, where);
                    Add(from, field.FieldType, where);
                    break;
            }
        }
    }

    private void Add(string from, TypeReference? type, string where)
    {
        if (type is null)
        {
            return;
        }

        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Add(from, argument, where);
            }
        }

        if (type is TypeSpecification specification)
        {
            Add(from, specification.ElementType, where);
            return;
        }

        if (FeatureOf(type) is not { } to || to == from)
        {
            return;
        }

        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(to, out var users))
        {
            targets[to] = users = new(StringComparer.Ordinal);
        }

        users.Add(where);
    }

    private string? FeatureOf(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(Root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }
}
