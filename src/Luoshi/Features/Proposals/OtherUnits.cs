using Luoshi.Data;

namespace Luoshi.Features.Proposals;

/// <summary>
/// The few steps of a proposal that reach into another unit: the 主办 office asks a co-handler's
/// office for its opinion, and a co-handler's submitted opinion tells the 主办 office and completes
/// the 主办's milestone. For those steps only, the context sees the other unit (and no longer its
/// own), so the ordinary filtered code (notices to an office, a task's light) works there unchanged;
/// the caller's unit is restored at once, whatever happens.
/// </summary>
internal static class OtherUnits
{
    public static async Task<T> AsAsync<T>(LuoshiDb db, int unitId, Func<Task<T>> work)
    {
        var own = db.CurrentUnit;
        db.CurrentUnit = CurrentUnit.Of(unitId);
        try
        {
            return await work();
        }
        finally
        {
            db.CurrentUnit = own;
        }
    }
}
