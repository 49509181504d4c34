package org.winformusic.archfixture.beta;

public class LonelyType {

}
