package org.winformusic.archfixture.gamma;

public record GammaThing(String name) {

}
