import factory

from taimei.members.tests.factories import OrganizationFactory
from taimei.opportunities.models import Interest, Opportunity


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    kind = "sourcing-request"
    title_zh = factory.Sequence(lambda n: f"採購需求{n}")
    title_en = factory.Sequence(lambda n: f"Sourcing request {n}")
    posted_by = factory.SubFactory(OrganizationFactory)
    country = "TW"

    @factory.post_generation
    def industries(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.industries.set(extracted)


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    opportunity = factory.SubFactory(OpportunityFactory)
    organization = factory.SubFactory(OrganizationFactory, country="US")
    message = "We would like to talk."
