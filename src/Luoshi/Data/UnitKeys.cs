using System.Linq.Expressions;
using Luoshi.Features.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Luoshi.Data;

/// <summary>
/// The unit (bureau) in the model, by construction rather than by each configuration remembering it.
/// Run last in <see cref="LuoshiDb"/>'s model building, over whatever the features configured:
/// <list type="bullet">
/// <item>every foreign key from a tenant-owned row to a tenant-owned row's <c>Id</c> becomes
/// <c>(UnitId, XId)</c> → <c>(UnitId, Id)</c>, so the database itself refuses a report of unit A that
/// points at a task of unit B, and the foreign key's index leads with the unit;</item>
/// <item>every tenant-owned row gets the query filter <see cref="FilterName"/>: a context that knows its
/// unit (<see cref="LuoshiDb.CurrentUnitId"/>, a signed-in request) sees that unit's rows only.</item>
/// </list>
/// </summary>
internal static class UnitKeys
{
    /// <summary>The name of the unit filter, for the rare query that must see across units while
    /// signed in: <c>IgnoreQueryFilters([UnitKeys.FilterName])</c>.</summary>
    public const string FilterName = "Unit";

    /// <summary>What a feature's configuration filtered by itself becomes (see <see cref="Apply"/>).</summary>
    public const string OwnFilterName = "Own";

    private const string UnitIdName = "UnitId";
    private const string IdName = "Id";

    /// <summary>Rows with a unit id that are not tenant rows here, and why.</summary>
    private static readonly Type[] Global =
    [
        // The login: Identity finds it by name before anyone's unit is known, and Identity's own
        // tables (claims, tokens) point at its key. Its PersonId stays a plain key on Person.
        typeof(AppUser),
    ];

    /// <summary>A row that belongs to one unit: it has an <c>int UnitId</c> and is not one of <see cref="Global"/>.</summary>
    public static bool IsTenantOwned(IReadOnlyEntityType type) =>
        type.FindProperty(UnitIdName) is { ClrType: var clr } && clr == typeof(int) && !Global.Contains(type.ClrType);

    public static void Apply(ModelBuilder builder, LuoshiDb context)
    {
        var tenant = builder.Model.GetEntityTypes().Where(IsTenantOwned).ToList();
        foreach (var foreignKey in tenant.SelectMany(t => t.GetDeclaredForeignKeys()).ToList())
        {
            if (IsToTenantId(foreignKey))
            {
                PrefixWithUnit(foreignKey);
            }
        }

        foreach (var type in tenant)
        {
            // EF does not mix an anonymous filter with named ones: a feature's own filter keeps working
            // under a name (IgnoreQueryFilters() still lifts both).
            if (type.FindDeclaredQueryFilter(null) is { Expression: { } own })
            {
                type.SetQueryFilter(null);
                type.SetQueryFilter(OwnFilterName, own);
            }

            type.SetQueryFilter(FilterName, UnitFilter(type.ClrType, context));
        }
    }

    private static bool IsToTenantId(IMutableForeignKey foreignKey) =>
        IsTenantOwned(foreignKey.PrincipalEntityType)
        && foreignKey.Properties is [{ Name: not UnitIdName }]
        && foreignKey.PrincipalKey.Properties is [{ Name: IdName }];

    /// <summary>Keeps the navigations, the delete behaviour and the nullability: only the columns change.
    /// A nullable <c>XId</c> keeps the key optional (MATCH SIMPLE: no check while it is null).</summary>
    private static void PrefixWithUnit(IMutableForeignKey foreignKey)
    {
        var principal = foreignKey.PrincipalEntityType;
        var principalColumns = new[] { principal.FindProperty(UnitIdName)!, principal.FindProperty(IdName)! };
        var key = principal.FindKey(principalColumns) ?? principal.AddKey(principalColumns);
        foreignKey.SetProperties([foreignKey.DeclaringEntityType.FindProperty(UnitIdName)!, foreignKey.Properties[0]], key);
    }

    /// <summary><c>e => context.CurrentUnitId == null || e.UnitId == context.CurrentUnitId</c>. The context
    /// stands as a constant, as <c>this</c> does in a lambda written in OnModelCreating: EF swaps in the
    /// context that runs the query and sends the unit as a parameter, and drops the test that does not
    /// apply for the parameter's value (no unit: no condition; a unit: <c>"UnitId" = @unit</c>).</summary>
    private static LambdaExpression UnitFilter(Type type, LuoshiDb context)
    {
        var row = Expression.Parameter(type, "e");
        var current = Expression.Property(Expression.Constant(context, typeof(LuoshiDb)), nameof(LuoshiDb.CurrentUnitId));
        var unitId = Expression.Convert(Expression.Property(row, UnitIdName), typeof(int?));
        var body = Expression.OrElse(
            Expression.Equal(current, Expression.Constant(null, typeof(int?))),
            Expression.Equal(unitId, current));
        return Expression.Lambda(body, row);
    }
}
