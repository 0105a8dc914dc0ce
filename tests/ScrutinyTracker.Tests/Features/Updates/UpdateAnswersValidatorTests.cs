using FluentValidation;
using Microsoft.Extensions.Options;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

public sealed class UpdateAnswersValidatorTests
{
    private readonly UpdateAnswersValidator _validator = Validator();

    private static UpdateAnswersValidator Validator(params Grade[] explanationRequiredFor) =>
        new(Options.Create(new GradingOptions { ExplanationRequiredFor = [.. explanationRequiredFor] }));

    [Theory]
    [InlineData(Grade.FullyAchieved)]
    [InlineData(Grade.OnTrack)]
    [InlineData(Grade.Slipped)]
    [InlineData(Grade.NotAchieved)]
    public void By_default_no_grade_needs_an_explanation_as_the_council_document_says(Grade grade) =>
        Submission(_validator, new UpdateAnswers("Recommendation 1", "Evidence that says why.", grade, null)).ShouldBeEmpty();

    [Theory]
    [InlineData(Grade.Slipped)]
    [InlineData(Grade.NotAchieved)]
    public void With_3_and_4_required_submitting_them_needs_an_explanation(Grade grade)
    {
        var validator = Validator(Grade.Slipped, Grade.NotAchieved);

        Submission(validator, new UpdateAnswers("Recommendation 1", "Evidence.", grade, "  "))
            .ShouldBe([$"Explain why Recommendation 1 is graded {grade.NumberAndLabel()}"]);
        Submission(validator, new UpdateAnswers("Recommendation 1", "Evidence.", grade, "Because.")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Grade.FullyAchieved)]
    [InlineData(Grade.OnTrack)]
    public void With_3_and_4_required_grades_1_and_2_still_need_none(Grade grade) =>
        Submission(Validator(Grade.Slipped, Grade.NotAchieved), new UpdateAnswers("Recommendation 1", "Evidence.", grade, null)).ShouldBeEmpty();

    [Fact]
    public void The_hint_says_what_is_required_or_that_the_explanation_is_optional()
    {
        new GradingOptions().ExplanationHint()
            .ShouldBe("Optional. For 3 – Slipped and 4 – Not Achieved, say why here if your evidence does not already");
        new GradingOptions { ExplanationRequiredFor = [Grade.NotAchieved, Grade.Slipped] }.ExplanationHint()
            .ShouldBe("Needed for 3 – Slipped and 4 – Not Achieved");
        new GradingOptions { ExplanationRequiredFor = [Grade.NotAchieved] }.ExplanationHint().ShouldBe("Needed for 4 – Not Achieved");
    }

    [Fact]
    public void A_setting_naming_a_grade_outside_1_to_4_is_invalid()
    {
        GradingOptions.IsValid(new GradingOptions { ExplanationRequiredFor = [Grade.Slipped] }).ShouldBeTrue();
        GradingOptions.IsValid(new GradingOptions { ExplanationRequiredFor = [(Grade)5] }).ShouldBeFalse();
    }

    [Fact]
    public void Submitting_needs_evidence_and_a_grade()
    {
        Submission(_validator, new UpdateAnswers("Recommendation 2a", " ", null, null))
            .ShouldBe(["Enter the Evidence of Progress for Recommendation 2a", "Select the Assessment of Progress for Recommendation 2a"]);
    }

    [Fact]
    public void A_draft_may_be_incomplete_even_when_an_explanation_is_required()
    {
        Validator(Grade.Slipped).Validate(new UpdateAnswers("Recommendation 1", null, Grade.Slipped, null)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Evidence_is_at_most_10000_characters_even_in_a_draft()
    {
        _validator.Validate(new UpdateAnswers("Recommendation 1", new string('x', 10_000), null, null)).IsValid.ShouldBeTrue();
        _validator.Validate(new UpdateAnswers("Recommendation 1", new string('x', 10_001), null, null)).Errors.Single().ErrorMessage
            .ShouldBe("Evidence of Progress for Recommendation 1 must be 10,000 characters or fewer");
    }

    [Fact]
    public void A_grade_outside_1_to_4_is_refused() =>
        _validator.Validate(new UpdateAnswers("Recommendation 1", null, (Grade)5, null)).IsValid.ShouldBeFalse();

    private static List<string> Submission(UpdateAnswersValidator validator, UpdateAnswers answers) =>
        validator.Validate(answers, o => o.IncludeRulesNotInRuleSet().IncludeRuleSets(UpdateAnswersValidator.Submission))
            .Errors.Select(e => e.ErrorMessage).ToList();
}
