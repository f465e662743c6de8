using Npgsql;

namespace Luoshi.Tests.Infrastructure;

/// <summary>The PostgreSQL server the test script starts on loopback (LUOSHI_TEST_POSTGRES holds
/// a connection string to its maintenance database). Each test run gets a fresh database.</summary>
internal static class Postgres
{
    public static string NewDatabase()
    {
        var admin = Environment.GetEnvironmentVariable("LUOSHI_TEST_POSTGRES")
            ?? throw new InvalidOperationException("LUOSHI_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL server on loopback.");
        var name = $"luoshi_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
