using System.Reflection;
using Luoshi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Luoshi.Tests.Data;

/// <summary>Each entity's table is described beside the entity, in its feature: someone changing a
/// table opens one folder, and <see cref="LuoshiDb"/> stays a list of sets.</summary>
public class ModelConfigurationTests
{
    /// <summary>Configurations allowed outside their entity's namespace: a ledger may add a partial index to
    /// the work-item table for a query of its own, beside that query rather than in the kernel.</summary>
    private static readonly HashSet<string> IndexesOfALedger = ["Luoshi.Features.Projects.ProjectTaskIndexConfiguration"];

    [Fact]
    public void EveryEntityIsConfiguredInItsOwnNamespaceOrNeedsNoConfiguration()
    {
        var configurations = Configurations();
        var wrong = new List<string>();
        foreach (var entity in DesignModel().GetEntityTypes().Where(e => e.ClrType.Assembly == typeof(LuoshiDb).Assembly))
        {
            var type = entity.ClrType;
            if (configurations.TryGetValue(type, out var found))
            {
                wrong.AddRange(found.Where(c => c.Namespace != type.Namespace && !IndexesOfALedger.Contains(c.FullName!)).Select(c => $"{type.Name} is configured by {c.FullName}, outside {type.Namespace}"));
            }
            else if (Explicit(entity).FirstOrDefault() is { } what)
            {
                wrong.Add($"{type.Name} is configured ({what}) without a configuration class beside it");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void TheExplicitConfigurationOfAnEntityIsSeen()
    {
        // The check above relies on EF keeping how each part of the model was set: a HasMaxLength, a
        // HasIndex and a HasOne must each count as explicit, a convention's key as not.
        var model = DesignModel();
        Assert.Contains(Explicit(model.FindEntityType(typeof(Features.Organisation.Section))!), w => w.StartsWith("property Name", StringComparison.Ordinal));
        Assert.Contains(Explicit(model.FindEntityType(typeof(Features.Plans.Plan))!), w => w.StartsWith("index", StringComparison.Ordinal));
        Assert.Contains(Explicit(model.FindEntityType(typeof(Features.Tasks.TaskEvent))!), w => w.StartsWith("foreign key", StringComparison.Ordinal));
        Assert.DoesNotContain(Explicit(model.FindEntityType(typeof(Features.Tasks.WorkTask))!), w => w.StartsWith("key", StringComparison.Ordinal));
    }

    private static IModel DesignModel()
    {
        using var db = new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite("Data Source=:memory:").Options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    private static Dictionary<Type, List<Type>> Configurations() =>
        typeof(LuoshiDb).Assembly.GetTypes()
            .SelectMany(c => c.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Entity: i.GetGenericArguments()[0], Configuration: c)))
            .GroupBy(p => p.Entity, p => p.Configuration)
            .ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>What of the entity was set by code (a fluent call), not by a convention or an attribute.</summary>
    private static IEnumerable<string> Explicit(IEntityType entity)
    {
        var e = (IConventionEntityType)entity;
        if (e.GetPrimaryKeyConfigurationSource() == ConfigurationSource.Explicit)
        {
            yield return "key";
        }

        foreach (var a in e.GetAnnotations().Where(IsExplicit))
        {
            yield return $"annotation {a.Name}";
        }

        foreach (var p in e.GetDeclaredProperties())
        {
            if (p.GetAnnotations().FirstOrDefault(IsExplicit) is { } a)
            {
                yield return $"property {p.Name} ({a.Name})";
            }

            if (new[] { p.GetIsConcurrencyTokenConfigurationSource(), p.GetValueGeneratedConfigurationSource(), p.GetValueConverterConfigurationSource(), p.GetProviderClrTypeConfigurationSource() }
                .Contains(ConfigurationSource.Explicit))
            {
                yield return $"property {p.Name}";
            }
        }

        foreach (var i in e.GetDeclaredIndexes().Where(i => i.GetConfigurationSource() == ConfigurationSource.Explicit))
        {
            yield return $"index {string.Join(", ", i.Properties.Select(p => p.Name))}";
        }

        foreach (var f in e.GetDeclaredForeignKeys().Where(f => f.GetConfigurationSource() == ConfigurationSource.Explicit))
        {
            yield return $"foreign key {string.Join(", ", f.Properties.Select(p => p.Name))}";
        }

        foreach (var m in e.GetIgnoredMembers())
        {
            yield return $"ignored {m}";
        }
    }

    private static bool IsExplicit(IConventionAnnotation a) => a.GetConfigurationSource() == ConfigurationSource.Explicit;
}
