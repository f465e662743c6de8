using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Luoshi.Tests.Architecture;

/// <summary>One use of a type (or a partial view) of one feature folder by a file of another.</summary>
internal sealed record FeatureReference(string File, string From, string To, string Target);

/// <summary>
/// Reads which feature folder uses which from the compiled Luoshi.dll and its symbols, so that
/// pages count too: Razor compiles each .cshtml into a class that names every type the page
/// touches, whatever the _ViewImports brought into scope. A source scan of <c>using</c> lines would
/// miss those. Partial views named by path are strings, not types, so .cshtml files are also read
/// for <c>/Features/X/</c> paths.
/// </summary>
internal static partial class FeatureReferences
{
    private static readonly Lazy<IReadOnlyList<FeatureReference>> All = new(Read);

    public static IReadOnlyList<FeatureReference> Everything => All.Value;

    private static List<FeatureReference> Read()
    {
        var found = new List<FeatureReference>();
        using (var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location, new ReaderParameters { ReadSymbols = true }))
        {
            foreach (var type in module.GetTypes())
            {
                if (FeatureOf(type) is { } from)
                {
                    new TypeWalk(module, type, from, found).Run();
                }
            }
        }

        found.AddRange(PartialViews());
        return [.. found.Distinct()];
    }

    /// <summary>The feature folder a compiled type belongs to: its namespace, or for a compiled
    /// page the path Razor records on it. Types outside <c>Luoshi.Features.*</c> (the app's
    /// composition in <c>Luoshi</c>, <c>Luoshi.Data</c>, generated code) belong to no feature.</summary>
    internal static string? FeatureOf(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var page = type.CustomAttributes.FirstOrDefault(a =>
            a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && (string)a.ConstructorArguments[0].Value == "Identifier");
        if (page is not null)
        {
            return FolderOf((string)page.ConstructorArguments[1].Value);
        }

        var parts = type.Namespace.Split('.');
        return parts.Length >= 3 && parts[0] == "Luoshi" && parts[1] == "Features" ? parts[2] : null;
    }

    private static string? FolderOf(string path)
    {
        var parts = path.Replace('\\', '/').Split('/');
        var at = Array.LastIndexOf(parts, "Features");
        return at >= 0 && at + 2 < parts.Length ? parts[at + 1] : null;
    }

    internal static string Shorten(string path)
    {
        path = path.Replace('\\', '/');
        var at = path.LastIndexOf("/Features/", StringComparison.Ordinal);
        return at >= 0 ? path[(at + 1)..] : path;
    }

    private static IEnumerable<FeatureReference> PartialViews()
    {
        var features = Path.Combine(SourceRoot(), "src", "Luoshi", "Features");
        foreach (var file in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories))
        {
            var from = FolderOf(file);
            foreach (Match m in PathInView().Matches(File.ReadAllText(file)))
            {
                var to = m.Groups[1].Value;
                if (from is not null && to != from)
                {
                    yield return new FeatureReference(Shorten(file), from, to, m.Value.Trim('"', '~'));
                }
            }
        }
    }

    internal static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "Luoshi", "Features")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The source folder src/Luoshi/Features is not above the test's folder.");
    }

    [GeneratedRegex("\"~?/Features/(\\w+)/[\\w/]+\\.cshtml\"")]
    private static partial Regex PathInView();

    /// <summary>Every type named by one type's signatures, fields, attributes and method bodies.</summary>
    private sealed class TypeWalk(ModuleDefinition module, TypeDefinition type, string from, List<FeatureReference> found)
    {
        private readonly string typeFile = FileOf(type);

        public void Run()
        {
            Use(type.BaseType, typeFile);
            foreach (var i in type.Interfaces)
            {
                Use(i.InterfaceType, typeFile);
            }

            Attributes(type, typeFile);
            foreach (var f in type.Fields)
            {
                Use(f.FieldType, typeFile);
                Attributes(f, typeFile);
            }

            foreach (var p in type.Properties)
            {
                Use(p.PropertyType, typeFile);
                Attributes(p, typeFile);
            }

            foreach (var method in type.Methods)
            {
                Method(method);
            }
        }

        private void Method(MethodDefinition method)
        {
            var file = OwnDocument(method) is { } doc ? Shorten(doc.Url) : typeFile;
            Use(method.ReturnType, file);
            foreach (var p in method.Parameters)
            {
                Use(p.ParameterType, file);
            }

            Attributes(method, file);
            if (!method.HasBody)
            {
                return;
            }

            foreach (var v in method.Body.Variables)
            {
                Use(v.VariableType, file);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Use(t, file);
                        break;
                    case MethodReference m:
                        Use(m.DeclaringType, file);
                        Use(m.ReturnType, file);
                        foreach (var p in m.Parameters)
                        {
                            Use(p.ParameterType, file);
                        }

                        if (m is GenericInstanceMethod g)
                        {
                            foreach (var a in g.GenericArguments)
                            {
                                Use(a, file);
                            }
                        }

                        break;
                    case FieldReference f:
                        Use(f.DeclaringType, file);
                        Use(f.FieldType, file);
                        break;
                }
            }
        }

        private void Attributes(ICustomAttributeProvider owner, string file)
        {
            foreach (var a in owner.CustomAttributes)
            {
                Use(a.AttributeType, file);
            }
        }

        private void Use(TypeReference? reference, string file)
        {
            switch (reference)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType g:
                    Use(g.ElementType, file);
                    foreach (var a in g.GenericArguments)
                    {
                        Use(a, file);
                    }

                    return;
                case TypeSpecification s:
                    Use(s.ElementType, file);
                    return;
            }

            if (reference.Scope != module && reference is not TypeDefinition)
            {
                return;
            }

            if (reference.Resolve() is { } target && FeatureOf(target) is { } to && to != from)
            {
                found.Add(new FeatureReference(file, from, to, target.FullName.Replace('/', '.')));
            }
        }

        /// <summary>A compiled page's .cshtml, else the first source file a method of the type
        /// (or of a type nested in it, or of the type it is nested in) was compiled from.</summary>
        private static string FileOf(TypeDefinition type)
        {
            var page = type.CustomAttributes.FirstOrDefault(a =>
                a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && (string)a.ConstructorArguments[0].Value == "Identifier");
            if (page is not null)
            {
                return Shorten((string)page.ConstructorArguments[1].Value).TrimStart('/');
            }

            return Documents(type).FirstOrDefault() is { } doc ? Shorten(doc.Url)
                : type.DeclaringType is { } outer ? FileOf(outer)
                : type.FullName;
        }

        private static IEnumerable<Document> Documents(TypeDefinition type) =>
            type.Methods.Select(OwnDocument).OfType<Document>().Concat(type.NestedTypes.SelectMany(Documents));

        /// <summary>The feature file a method was compiled from; none for code that generators
        /// wrote under obj/ (regular expressions, request delegates), which counts for its type.</summary>
        private static Document? OwnDocument(MethodDefinition method) =>
            method.DebugInformation.SequencePoints
                .Select(p => p.Document)
                .FirstOrDefault(d => d.Url.Replace('\\', '/').Contains("/Features/", StringComparison.Ordinal) && !d.Url.Contains("/obj/", StringComparison.Ordinal));
    }
}
