using FluentValidation;
using ScrutinyTracker.Web.Domain;
using ScrutinyTracker.Web.Features.Updates;
using Shouldly;

namespace ScrutinyTracker.Tests.Features.Updates;

public sealed class UpdateAnswersValidatorTests
{
    private readonly UpdateAnswersValidator _validator = new();

    [Theory]
    [InlineData(Grade.Slipped)]
    [InlineData(Grade.NotAchieved)]
    public void Submitting_grades_3_and_4_needs_an_explanation(Grade grade)
    {
        var errors = Submission(new UpdateAnswers("Recommendation 1", "Evidence.", grade, "  "));

        errors.ShouldBe([$"Explain why Recommendation 1 is graded {grade.NumberAndLabel()}"]);
        Submission(new UpdateAnswers("Recommendation 1", "Evidence.", grade, "Because.")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Grade.FullyAchieved)]
    [InlineData(Grade.OnTrack)]
    public void Submitting_grades_1_and_2_needs_no_explanation(Grade grade) =>
        Submission(new UpdateAnswers("Recommendation 1", "Evidence.", grade, null)).ShouldBeEmpty();

    [Fact]
    public void Submitting_needs_evidence_and_a_grade()
    {
        Submission(new UpdateAnswers("Recommendation 2a", " ", null, null))
            .ShouldBe(["Enter the Evidence of Progress for Recommendation 2a", "Select the Assessment of Progress for Recommendation 2a"]);
    }

    [Fact]
    public void A_draft_may_be_incomplete_even_when_graded_3()
    {
        _validator.Validate(new UpdateAnswers("Recommendation 1", null, Grade.Slipped, null)).IsValid.ShouldBeTrue();
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

    private List<string> Submission(UpdateAnswers answers) =>
        _validator.Validate(answers, o => o.IncludeRulesNotInRuleSet().IncludeRuleSets(UpdateAnswersValidator.Submission))
            .Errors.Select(e => e.ErrorMessage).ToList();
}
