using Microsoft.Extensions.Configuration;
using Orchestrator.Cli.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Orchestrator.Cli.Tests;

/// <summary>The "Serilog" levels of orchestrator.json, read without Serilog.Settings.Configuration's assembly scan.</summary>
[TestFixture]
public sealed class SerilogLevelsTests
{
    [Test]
    public void Default_and_override_levels_are_applied_as_the_settings_reader_would()
    {
        var events = new List<LogEvent>();
        var configuration = new LoggerConfiguration();
        var applied = SerilogLevels.TryApply(Section("""
            { "Serilog": { "MinimumLevel": { "Default": "warning", "Override": { "Orchestrator.Engine": "Error" } } } }
            """), configuration.MinimumLevel);
        using var log = configuration.WriteTo.Sink(new ListSink(events)).CreateLogger();

        log.Information("not written");
        log.Warning("written");
        log.ForContext(Constants.SourceContextPropertyName, "Orchestrator.Engine.Sessions").Warning("overridden away");
        log.ForContext(Constants.SourceContextPropertyName, "Orchestrator.Engine.Sessions").Error("kept");

        Assert.That(applied, Is.True);
        Assert.That(events.Select(e => e.MessageTemplate.Text), Is.EqualTo(new[] { "written", "kept" }));
    }

    [Test]
    public void A_single_level_and_no_section_are_read_here()
    {
        Assert.That(SerilogLevels.TryApply(Section("""{ "Serilog": { "MinimumLevel": "Debug" } }"""), new LoggerConfiguration().MinimumLevel), Is.True);
        Assert.That(SerilogLevels.TryApply(Section("""{ "data": "d" }"""), new LoggerConfiguration().MinimumLevel), Is.True);
    }

    [TestCase("""{ "Serilog": { "WriteTo": [ { "Name": "Console" } ] } }""")]
    [TestCase("""{ "Serilog": { "MinimumLevel": { "Default": "Information", "ControlledBy": "$switch" } } }""")]
    [TestCase("""{ "Serilog": { "MinimumLevel": "Loud" } }""")]
    [TestCase("""{ "Serilog": { "MinimumLevel": "3" } }""")]
    public void Anything_else_is_left_to_the_settings_reader(string json)
    {
        Assert.That(SerilogLevels.TryApply(Section(json), new LoggerConfiguration().MinimumLevel), Is.False);
    }

    private static IConfigurationSection Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Build().GetSection("Serilog");

    private sealed class ListSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
