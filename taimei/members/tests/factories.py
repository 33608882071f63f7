import factory

from taimei.accounts.tests.factories import UserFactory
from taimei.members.models import Organization, Person


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"org-{n}")
    name_zh = factory.Sequence(lambda n: f"測試公司{n}")
    name_en = factory.Sequence(lambda n: f"Test Company {n}")
    country = "TW"
    kind = "company"

    @factory.post_generation
    def industries(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.industries.set(extracted)

    @factory.post_generation
    def domains(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.domains.set(extracted)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    name_en = factory.Faker("name")
    role = Person.Role.MEMBER
